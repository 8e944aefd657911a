import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { LoginHandler } from '../application/login/login.handler';
import { AccessTokenResponse } from './access-token.response';
import { LoginRequest } from './login.request';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly login: LoginHandler) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenResponse })
  @ApiUnauthorizedResponse({ description: 'Unknown email or wrong password' })
  logIn(@Body() body: LoginRequest): Promise<AccessTokenResponse> {
    return this.login.execute({ email: body.email, password: body.password });
  }
}
