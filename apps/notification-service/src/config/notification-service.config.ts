import { parseConfig, portVariable, serviceEnvSchema } from '@kafka-commerce/config';
import { z } from 'zod';

export const NOTIFICATION_SERVICE = 'notification-service';

/** "true"/"false" from the environment (zod's coerce.boolean would read "false" as true). */
const flagVariable = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .default('false')
  .transform((value) => value === 'true');

/** An optional variable where an empty value (`SMTP_USER=`) means "not set". */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value));

const notificationServiceEnv = serviceEnvSchema({ port: 3005 }).extend({
  /** Where email goes; the defaults reach the development mail catcher (tools/mailcatcher). */
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: portVariable(1025),
  /** TLS from the first byte (port 465 style); otherwise STARTTLS is used when offered. */
  SMTP_SECURE: flagVariable,
  /** Credentials for a real relay; the development sink needs none. */
  SMTP_USER: optionalText,
  SMTP_PASSWORD: optionalText,
  SMTP_FROM: z.string().min(1).default('kafka-commerce <no-reply@kafka-commerce.local>'),
  /** Who receives operational mail: low-stock warnings and sensor alerts. */
  OPERATIONS_EMAIL: z.email().default('operations@kafka-commerce.local'),
});

export type NotificationServiceConfig = z.infer<typeof notificationServiceEnv>;

export function loadNotificationServiceConfig(env: NodeJS.ProcessEnv): NotificationServiceConfig {
  return parseConfig(notificationServiceEnv, env);
}
