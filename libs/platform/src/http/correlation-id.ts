import { randomUUID } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The id that ties together everything one client request causes: taken from the
 * `x-correlation-id` (or `x-request-id`) header when the caller sends one, otherwise new.
 */
export const CorrelationId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    const header = request.headers['x-correlation-id'] ?? request.headers['x-request-id'];
    return typeof header === 'string' && header.length > 0 && header.length <= 200
      ? header
      : randomUUID();
  },
);
