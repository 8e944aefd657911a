/** Injection token for the parsed NotificationServiceConfig. */
export const NOTIFICATION_SERVICE_CONFIG = Symbol('NOTIFICATION_SERVICE_CONFIG');
