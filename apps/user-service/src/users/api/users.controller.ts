import { Body, Controller, Get, HttpCode, NotFoundException, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, type AuthenticatedUser, CurrentUser } from '@kafka-commerce/auth';
import { CorrelationId } from '@kafka-commerce/platform';
import { RegisterUserHandler } from '../application/register-user/register-user.handler';
import { UserRepository } from '../application/ports/user-repository';
import { UpdateProfileHandler } from '../application/update-profile/update-profile.handler';
import { RegisterUserRequest } from './register-user.request';
import { RegisteredUserResponse } from './registered-user.response';
import { UpdateProfileRequest } from './update-profile.request';
import { UserProfileUpdatedResponse } from './user-profile-updated.response';
import { UserProfileResponse } from './user-profile.response';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly registerUser: RegisterUserHandler,
    private readonly updateProfile: UpdateProfileHandler,
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
      notificationChannels: [...user.notificationChannels],
    };
  }

  @Patch('me')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: UserProfileUpdatedResponse })
  @ApiBadRequestResponse({
    description: 'An invalid field, an email change, an empty body, or "sms" without a phone',
  })
  async patchMe(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: UpdateProfileRequest,
    @CorrelationId() correlationId: string,
  ): Promise<UserProfileUpdatedResponse> {
    const user = await this.updateProfile.execute({
      userId: caller.userId,
      patch: {
        ...(body.username === undefined ? {} : { username: body.username }),
        ...(body.phone === undefined ? {} : { phone: body.phone }),
        ...(body.notificationChannels === undefined
          ? {}
          : { notificationChannels: body.notificationChannels }),
      },
      correlationId,
    });
    return {
      id: user.id,
      email: user.email,
      username: user.username,
      phone: user.phone,
      notificationChannels: [...user.notificationChannels],
    };
  }
}
