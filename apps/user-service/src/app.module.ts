import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { USER_SERVICE, type UserServiceConfig } from './config/user-service.config';
import { UserDatabase } from './database';
import { UsersModule } from './users';

@Module({})
export class AppModule {
  static register(config: UserServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          serviceName: USER_SERVICE,
          config,
          database: UserDatabase,
          tokenIssuer: { privateKey: config.JWT_PRIVATE_KEY, ttlSeconds: config.JWT_TTL_SECONDS },
        }),
        UsersModule.register(config),
      ],
    };
  }
}
