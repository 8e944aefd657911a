import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { USER_SERVICE, type UserServiceConfig } from './config/user-service.config';
import { UserDatabase } from './database';
import { USER_SERVICE_CONFIG } from './users/user-service-config.token';
import { UsersModule } from './users/users.module';

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
        UsersModule,
      ],
      providers: [{ provide: USER_SERVICE_CONFIG, useValue: config }],
      exports: [USER_SERVICE_CONFIG],
      global: true,
    };
  }
}
