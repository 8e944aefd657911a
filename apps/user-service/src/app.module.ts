import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { type UserServiceConfig, USER_SERVICE } from './config/user-service.config';
import { UserDatabase } from './database';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static register(config: UserServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({ serviceName: USER_SERVICE, config, database: UserDatabase }),
        UsersModule,
      ],
    };
  }
}
