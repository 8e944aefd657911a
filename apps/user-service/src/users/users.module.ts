import { Module } from '@nestjs/common';
import { AuthController } from './api/auth.controller';
import { UsersController } from './api/users.controller';
import { usersHttpErrors } from './api/users-http-errors';
import { EnsureAdminHandler } from './application/ensure-admin/ensure-admin.handler';
import { LoginHandler } from './application/login/login.handler';
import { RegisterUserHandler } from './application/register-user/register-user.handler';
import { UserRepository } from './application/register-user/user.repository';
import { UpdateProfileHandler } from './application/update-profile/update-profile.handler';
import { PrismaUserRepository } from './infrastructure/prisma-user.repository';

@Module({
  controllers: [UsersController, AuthController],
  providers: [
    RegisterUserHandler,
    LoginHandler,
    UpdateProfileHandler,
    EnsureAdminHandler,
    { provide: UserRepository, useClass: PrismaUserRepository },
    usersHttpErrors,
  ],
})
export class UsersModule {}
