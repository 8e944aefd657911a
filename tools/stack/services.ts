/** The six services as the tooling sees them: where they live and what they own. */
export interface ServiceSpec {
  /** Package folder under apps/, e.g. `user-service`. */
  readonly name: string;
  /** Schema folder under prisma/, also the database's base name. */
  readonly schema: string;
  readonly port: number;
  /** Signs access tokens, so it alone gets the private key. */
  readonly issuesTokens?: boolean;
}

export const SERVICES: readonly ServiceSpec[] = [
  { name: 'user-service', schema: 'user', port: 3001, issuesTokens: true },
  { name: 'order-service', schema: 'order', port: 3002 },
  { name: 'payment-service', schema: 'payment', port: 3003 },
  { name: 'inventory-service', schema: 'inventory', port: 3004 },
  { name: 'notification-service', schema: 'notification', port: 3005 },
  { name: 'analytics-service', schema: 'analytics', port: 3006 },
];
