import { type ServiceName } from './services';

/** One Kafka topic: its partitioning and who is allowed to write and read it. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  /** The payload field used as the Kafka key: the aggregate whose events must stay in order. */
  readonly key: string;
  /** The only service that publishes to this topic. */
  readonly producer: ServiceName;
  /** Every service that subscribes to this topic (each with its own consumer group). */
  readonly consumers: readonly ServiceName[];
}

/**
 * Every topic the system uses, created explicitly (broker auto-creation is off).
 * One topic per aggregate stream, keyed by the aggregate id, so that one aggregate's events
 * are never seen out of order. Partition counts bound how many instances of a consumer
 * group can work in parallel; they can grow later but never shrink (growing remaps keys).
 */
export const TOPICS = {
  users: {
    name: 'users',
    // Registrations are rare; 3 still lets three instances of each consumer share the work.
    partitions: 3,
    key: 'userId',
    producer: 'user-service',
    consumers: ['notification-service', 'analytics-service'],
  },
  products: {
    name: 'products',
    // Catalog edits and low-stock alerts are admin-paced, low volume.
    partitions: 3,
    key: 'productId',
    producer: 'inventory-service',
    consumers: ['order-service', 'notification-service', 'analytics-service'],
  },
  orders: {
    name: 'orders',
    // The saga's hot path: 6 spreads evenly over 1, 2, 3 or 6 instances of each consumer.
    partitions: 6,
    key: 'orderId',
    producer: 'order-service',
    consumers: [
      'payment-service',
      'inventory-service',
      'notification-service',
      'analytics-service',
    ],
  },
  reservations: {
    name: 'reservations',
    // One or two events per order, consumed on the saga path: sized like orders.
    partitions: 6,
    key: 'orderId',
    producer: 'inventory-service',
    consumers: ['order-service', 'payment-service', 'analytics-service'],
  },
  payments: {
    name: 'payments',
    // One or two events per order, consumed on the saga path: sized like orders.
    partitions: 6,
    key: 'orderId',
    producer: 'payment-service',
    consumers: ['order-service', 'notification-service', 'analytics-service'],
  },
  sensorTemperature: {
    name: 'sensor.temperature',
    // The highest-volume stream (continuous readings); 6 lets windowing scale out per sensor.
    partitions: 6,
    key: 'sensorId',
    producer: 'analytics-service',
    consumers: ['analytics-service'],
  },
  sensorAlert: {
    name: 'sensor.alert',
    // Alerts fire at most once per window per sensor, so traffic is small.
    partitions: 3,
    key: 'sensorId',
    producer: 'analytics-service',
    consumers: ['notification-service'],
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS]['name'];

/** Where a message that cannot be processed is parked, with the reason in its headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
