import { type DynamicModule, Module } from '@nestjs/common';
import { type ServiceEnv } from '@kafka-commerce/config';
import { KafkaModule, KafkaProbe } from '@kafka-commerce/messaging';
import {
  DatabaseModule,
  DatabaseProbe,
  type PrismaClientClass,
  type PrismaClientLike,
} from './database/database.module';
import { PlatformModule } from './platform.module';

export interface ServiceCoreOptions<TClient extends PrismaClientLike> {
  readonly serviceName: string;
  /** The service's parsed configuration (database URL, brokers, log level). */
  readonly config: ServiceEnv;
  /** The service's generated Prisma client class; it is also the token repositories inject. */
  readonly database: PrismaClientClass<TClient>;
}

/**
 * Everything a service needs before its own modules: logs, health, metrics, its database and
 * Kafka. `GET /health` is ready only when both the database and the broker answer.
 */
@Module({})
export class ServiceCoreModule {
  static forRoot<TClient extends PrismaClientLike>(
    options: ServiceCoreOptions<TClient>,
  ): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [
        PlatformModule.forRoot({
          serviceName: options.serviceName,
          logLevel: options.config.LOG_LEVEL,
          readinessProbes: [DatabaseProbe, KafkaProbe],
        }),
        DatabaseModule.forClient(options.database, options.config.DATABASE_URL),
        KafkaModule.forRoot({
          clientId: options.serviceName,
          brokers: options.config.KAFKA_BROKERS,
        }),
      ],
    };
  }
}
