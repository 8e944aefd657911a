import { type DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokens, verifyingKeyOf } from './access-tokens';
import { AUTH_OPTIONS, type AuthOptions } from './auth-options';
import { AuthGuard } from './auth.guard';

@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [JwtModule.register({ publicKey: verifyingKeyOf(options) })],
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, AccessTokens, AuthGuard],
      exports: [AccessTokens, AuthGuard],
    };
  }
}
