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
  /**
   * How long the group waits for a silent member before reassigning its partitions (kafkajs:
   * 30 s). Also how long a consumer that lost its membership in a broker outage waits to
   * rejoin once the broker is back. The broker's minimum is 6 s; the heartbeat is every 3 s.
   */
  readonly sessionTimeoutMs?: number;
  /**
   * Longest time processed offsets wait to be committed (default 1000 ms; 0 commits after
   * every batch, as kafkajs does). What a crash leaves uncommitted is delivered again and
   * dropped by the inbox.
   */
  readonly commitIntervalMs?: number;
  /** How long a fetch may wait on the broker for how much data (kafkajs' defaults otherwise). */
  readonly fetch?: { readonly minBytes?: number; readonly maxWaitTimeInMs?: number };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
