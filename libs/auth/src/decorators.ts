import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthGuard, REQUIRED_ROLE, type RequestWithUser } from './auth.guard';
import { type AuthenticatedUser } from './authenticated-user';

/** The route needs a signed-in caller (401 otherwise). */
export function Authenticated(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid token' }),
  );
}

/** The route needs an admin (401 without a token, 403 for other callers). */
export function AdminOnly(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_ROLE, 'admin'),
    Authenticated(),
    ApiForbiddenResponse({ description: 'Not an admin' }),
  );
}

/** The verified caller of an @Authenticated route. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<RequestWithUser>().user;
    if (!user) throw new Error('@CurrentUser() needs @Authenticated() on the route');
    return user;
  },
);
