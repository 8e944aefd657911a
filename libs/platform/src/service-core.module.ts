import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@kafka-commerce/auth';
import { type ServiceEnv } from '@kafka-commerce/config';
import { KafkaProbe, MessagingModule, type MessagingOptions } from '@kafka-commerce/messaging';
import {
  DatabaseModule,
  DatabaseProbe,
  type PrismaClientClass,
  type PrismaClientLike,
} from './database/database.module';
import { ServiceMetrics } from './metrics/metrics';
import { PlatformModule } from './platform.module';
import { ShutdownSequence } from './shutdown-sequence';

export interface ServiceCoreOptions<TClient extends PrismaClientLike> {
  readonly serviceName: string;
  /** The service's parsed configuration (database URL, brokers, log level). */
  readonly config: ServiceEnv;
  /** The service's generated Prisma client class; it is also the token repositories inject. */
  readonly database: PrismaClientClass<TClient>;
  /** Only for the token issuer (user-service): how access tokens are signed. */
  readonly tokenIssuer?: { readonly privateKey: string; readonly ttlSeconds: number };
  /** How long a failing event is retried before it is dead-lettered (messaging's default otherwise). */
  readonly retryPolicy?: MessagingOptions['retryPolicy'];
}

/**
 * Everything a service needs before its own modules: logs, health, metrics, its database and
 * messaging (outbox relay, inbox, Kafka transport). `GET /health` is ready only when both
 * the database and the broker answer.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot<TClient extends PrismaClientLike>(
    options: ServiceCoreOptions<TClient>,
  ): DynamicModule {
    const { serviceName, config } = options;
    const metrics = new ServiceMetrics(serviceName);
    return {
      module: ServiceCoreModule,
      imports: [
        PlatformModule.forRoot({
          serviceName,
          logLevel: config.LOG_LEVEL,
          readinessProbes: [DatabaseProbe, KafkaProbe],
          metrics,
        }),
        DatabaseModule.forClient(options.database, config.DATABASE_URL),
        AuthModule.forRoot({
          publicKey: config.JWT_PUBLIC_KEY,
          ...(options.tokenIssuer
            ? {
                privateKey: options.tokenIssuer.privateKey,
                tokenTtlSeconds: options.tokenIssuer.ttlSeconds,
              }
            : {}),
        }),
        MessagingModule.forRoot({
          serviceName,
          brokers: config.KAFKA_BROKERS,
          databaseUrl: config.DATABASE_URL,
          registry: metrics.registry,
          ...(options.retryPolicy ? { retryPolicy: options.retryPolicy } : {}),
          fetch: {
            minBytes: config.KAFKA_FETCH_MIN_BYTES,
            maxWaitTimeInMs: config.KAFKA_FETCH_MAX_WAIT_MS,
          },
        }),
      ],
      providers: [ShutdownSequence],
    };
  }
}
