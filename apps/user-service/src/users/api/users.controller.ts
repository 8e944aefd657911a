import { Body, ConflictException, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CorrelationId } from '@kafka-commerce/platform';
import { RegisterUserHandler } from '../application/register-user/register-user.handler';
import { EmailAlreadyRegisteredError } from '../domain/user';
import { RegisteredUserResponse, RegisterUserRequest } from './register-user.request';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly registerUser: RegisterUserHandler) {}

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
}
