import { domainErrorFilter } from '@kafka-commerce/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import type { UserServiceConfig } from '../config/user-service.config';
import { AuthController } from './api/auth.controller';
import { usersHttpErrors } from './api/users-http-errors';
import { UsersController } from './api/users.controller';
import { AdminAccount } from './application/ensure-admin/admin-account';
import { EnsureAdminHandler } from './application/ensure-admin/ensure-admin.handler';
import { LoginHandler } from './application/login/login.handler';
import { UserRepository } from './application/ports/user-repository';
import { RegisterUserHandler } from './application/register-user/register-user.handler';
import { UpdateProfileHandler } from './application/update-profile/update-profile.handler';
import { PrismaUserRepository } from './infrastructure/prisma-user-repository';

/** Users and their credentials: registration, login, profile, the admin account. */
@Module({})
export class UsersModule {
  static register(config: UserServiceConfig): DynamicModule {
    return {
      module: UsersModule,
      controllers: [UsersController, AuthController],
      providers: [
        RegisterUserHandler,
        LoginHandler,
        UpdateProfileHandler,
        EnsureAdminHandler,
        {
          provide: AdminAccount,
          useValue: new AdminAccount(config.ADMIN_EMAIL, config.ADMIN_PASSWORD),
        },
        { provide: UserRepository, useClass: PrismaUserRepository },
        domainErrorFilter(usersHttpErrors),
      ],
    };
  }
}
