/**
 * The services that produce and consume events. These are wire names (they appear in the
 * envelope's `producer` field and in the AsyncAPI document), written as literals.
 */
export const SERVICE_NAMES = [
  'user-service',
  'order-service',
  'payment-service',
  'inventory-service',
  'notification-service',
  'analytics-service',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];
