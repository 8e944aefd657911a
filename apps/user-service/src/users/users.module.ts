import { Module } from '@nestjs/common';
import { AuthController } from './api/auth.controller';
import { UsersController } from './api/users.controller';
import { EnsureAdminHandler } from './application/ensure-admin/ensure-admin.handler';
import { LoginHandler } from './application/login/login.handler';
import { RegisterUserHandler } from './application/register-user/register-user.handler';
import { UserRepository } from './application/register-user/user.repository';
import { PrismaUserRepository } from './infrastructure/prisma-user.repository';

@Module({
  controllers: [UsersController, AuthController],
  providers: [
    RegisterUserHandler,
    LoginHandler,
    EnsureAdminHandler,
    { provide: UserRepository, useClass: PrismaUserRepository },
  ],
})
export class UsersModule {}
