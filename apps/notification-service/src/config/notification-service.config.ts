import { parseConfig, serviceEnvSchema } from '@kafka-commerce/config';
import { type z } from 'zod';

export const NOTIFICATION_SERVICE = 'notification-service';

const notificationServiceEnv = serviceEnvSchema({ port: 3005 });

export type NotificationServiceConfig = z.infer<typeof notificationServiceEnv>;

export function loadNotificationServiceConfig(env: NodeJS.ProcessEnv): NotificationServiceConfig {
  return parseConfig(notificationServiceEnv, env);
}
