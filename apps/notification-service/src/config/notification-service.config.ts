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

/** A phone number in E.164 form. */
const e164Variable = z.string().regex(/^\+[1-9][0-9]{1,14}$/, {
  error: 'must be a phone number in E.164 form, e.g. +15005550006',
});

/**
 * The development SMS sink's (tools/smssink) account: shaped like a Twilio Account SID, and
 * plainly not a real one.
 */
export const DEV_SMS_ACCOUNT_SID = 'ACdeadbeefdeadbeefdeadbeefdeadbeef';

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
  /**
   * Where SMS goes: a provider speaking Twilio's Messages API (POST
   * {SMS_API_URL}/2010-04-01/Accounts/{SMS_ACCOUNT_SID}/Messages.json, basic auth). The
   * defaults reach the development SMS sink (tools/smssink); set all four in production.
   */
  SMS_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://api.twilio.com' })
    .default('http://127.0.0.1:8026'),
  SMS_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, { error: 'must be an Account SID: AC and 32 hex digits' })
    .default(DEV_SMS_ACCOUNT_SID),
  SMS_AUTH_TOKEN: z.string().min(1, { error: 'must not be empty' }).default('dev-sms-auth-token'),
  /** The sender: a number of the account, E.164. */
  SMS_FROM: e164Variable.default('+15005550006'),
  /** Who receives operational mail: low-stock warnings and sensor alerts. */
  OPERATIONS_EMAIL: z.email().default('operations@kafka-commerce.local'),
});

export type NotificationServiceConfig = z.infer<typeof notificationServiceEnv>;

export function loadNotificationServiceConfig(env: NodeJS.ProcessEnv): NotificationServiceConfig {
  return parseConfig(notificationServiceEnv, env);
}
