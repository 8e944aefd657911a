import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokens } from './access-tokens';
import { type AuthenticatedUser, type Role } from './authenticated-user';

export const REQUIRED_ROLE = 'kafkaCommerceRequiredRole';

export interface RequestWithUser {
  headers: Record<string, string | string[] | undefined>;
  user?: AuthenticatedUser;
}

/** 401 without a valid bearer token; 403 when the route needs a role the caller lacks. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const header = request.headers.authorization;
    const token =
      typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
    const user = token ? this.tokens.verify(token) : undefined;
    if (!user) throw new UnauthorizedException('a valid bearer token is required');
    const required = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required && user.role !== required)
      throw new ForbiddenException(`requires the ${required} role`);
    request.user = user;
    return true;
  }
}
