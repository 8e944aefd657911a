import { type Registry } from 'prom-client';
import { type RetryPolicy } from './consumer/retry-policy';
import { type OutboxRelayOptions } from './outbox/outbox-relay';

export interface MessagingOptions {
  /** Names the Kafka client and prefixes consumer groups (`<service>.<topic>`). */
  readonly serviceName: string;
  readonly brokers: readonly string[];
  /** The service's database: the relay reads its outbox and listens for new rows there. */
  readonly databaseUrl: string;
  /** Where messaging metrics are registered (the service's `/metrics` registry). */
  readonly registry: Registry;
  readonly retryPolicy?: Partial<RetryPolicy>;
  readonly relay?: Omit<OutboxRelayOptions, 'databaseUrl'>;
  /** Partitions of one topic processed at once by one instance (order is per partition). */
  readonly partitionsConcurrency?: number;
  /** How long a fetch may wait on the broker for how much data (kafkajs' defaults otherwise). */
  readonly fetch?: { readonly minBytes?: number; readonly maxWaitTimeInMs?: number };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
