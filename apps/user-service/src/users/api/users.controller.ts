import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Post,
} from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser } from '@kafka-commerce/auth';
import { CorrelationId } from '@kafka-commerce/platform';
import { RegisterUserHandler } from '../application/register-user/register-user.handler';
import { UserRepository } from '../application/register-user/user.repository';
import { EmailAlreadyRegisteredError } from '../domain/user';
import {
  RegisteredUserResponse,
  RegisterUserRequest,
  UserProfileResponse,
} from './register-user.request';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly registerUser: RegisterUserHandler,
    private readonly users: UserRepository,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: RegisteredUserResponse })
  @ApiConflictResponse({ description: 'The email is already registered' })
  async register(
    @Body() body: RegisterUserRequest,
    @CorrelationId() correlationId: string,
  ): Promise<RegisteredUserResponse> {
    try {
      const user = await this.registerUser.execute({
        email: body.email,
        username: body.username,
        password: body.password,
        ...(body.phone === undefined ? {} : { phone: body.phone }),
        ...(body.source === undefined ? {} : { source: body.source }),
        correlationId,
      });
      return {
        id: user.id,
        email: user.email,
        username: user.username,
        createdAt: user.createdAt.toISOString(),
      };
    } catch (error) {
      if (error instanceof EmailAlreadyRegisteredError) throw new ConflictException(error.message);
      throw error;
    }
  }

  @Get('me')
  @Authenticated()
  @ApiOkResponse({ type: UserProfileResponse })
  async me(@CurrentUser() caller: AuthenticatedUser): Promise<UserProfileResponse> {
    const user = await this.users.findById(caller.userId);
    if (!user) throw new NotFoundException('user not found');
    return {
      id: user.id,
      email: user.email,
      username: user.username,
      ...(user.phone === null ? {} : { phone: user.phone }),
      source: user.source,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
