import { Module } from '@nestjs/common';
import { UsersController } from './api/users.controller';
import { RegisterUserHandler } from './application/register-user/register-user.handler';
import { UserRepository } from './application/register-user/user.repository';
import { PrismaUserRepository } from './infrastructure/prisma-user.repository';

@Module({
  controllers: [UsersController],
  providers: [RegisterUserHandler, { provide: UserRepository, useClass: PrismaUserRepository }],
})
export class UsersModule {}
