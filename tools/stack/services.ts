/** The six services as the tooling sees them: where they live and what they own. */
export interface ServiceSpec {
  /** Package folder under apps/, e.g. `user-service`. */
  readonly name: string;
  /** Schema folder under prisma/, also the database's base name. */
  readonly schema: string;
  readonly port: number;
  /** Whether it consumes events (and so needs its topics to exist before start). */
  readonly consumes: boolean;
}

export const SERVICES: readonly ServiceSpec[] = [
  { name: 'user-service', schema: 'user', port: 3001, consumes: false },
  { name: 'order-service', schema: 'order', port: 3002, consumes: false },
  { name: 'payment-service', schema: 'payment', port: 3003, consumes: false },
  { name: 'inventory-service', schema: 'inventory', port: 3004, consumes: false },
  { name: 'notification-service', schema: 'notification', port: 3005, consumes: true },
  { name: 'analytics-service', schema: 'analytics', port: 3006, consumes: false },
];
