import { SERVICE_NAMES, type ServiceName } from '@kafka-commerce/events';
import { Kafka, logLevel } from 'kafkajs';
import { Pool, type QueryResultRow } from 'pg';
import { adminCredentials, login, serviceSpec } from '../load/http-client';
import {
  type BrokerCount,
  databaseUrl,
  kafkaBrokers,
  mailUrl,
  resolveProfile,
  serviceUrl,
  type StackProfile,
} from '../stack/profile';

/** The services with Kafka consumers (user-service only produces). */
export const CONSUMER_SERVICES: readonly ServiceName[] = SERVICE_NAMES.filter(
  (name) => name !== 'user-service',
);

/**
 * The faults stack as the scenarios see it: its URLs, a connection pool per service database
 * (pools reconnect, so they outlive a PostgreSQL restart), a Kafka client and an admin token.
 */
export class FaultStack {
  readonly profile: StackProfile;
  private readonly pools = new Map<ServiceName, Pool>();
  private adminToken: Promise<string> | undefined;

  constructor(brokers: BrokerCount = 1) {
    this.profile = resolveProfile('faults', process.env, brokers);
  }

  url(service: ServiceName): string {
    return serviceUrl(this.profile, serviceSpec(service));
  }

  mailUrl(): string {
    return mailUrl(this.profile);
  }

  async query<T extends QueryResultRow>(
    service: ServiceName,
    sql: string,
    values: unknown[] = [],
  ): Promise<T[]> {
    return (await this.pool(service).query<T>(sql, values)).rows;
  }

  kafka(): Kafka {
    return new Kafka({
      clientId: 'kafka-commerce-faults',
      brokers: [...kafkaBrokers(this.profile)],
      logLevel: logLevel.NOTHING,
      retry: { retries: 3, maxRetryTime: 2000 },
    });
  }

  admin(): Promise<string> {
    const { email, password } = adminCredentials(process.env);
    this.adminToken ??= login(this.url('user-service'), email, password);
    return this.adminToken;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((pool) => pool.end()));
    this.pools.clear();
  }

  private pool(service: ServiceName): Pool {
    let pool = this.pools.get(service);
    if (!pool) {
      pool = new Pool({
        connectionString: databaseUrl(this.profile, serviceSpec(service)),
        max: 3,
      });
      // A restarted server closes idle connections: the pool drops them and opens new ones.
      pool.on('error', () => undefined);
      this.pools.set(service, pool);
    }
    return pool;
  }
}
