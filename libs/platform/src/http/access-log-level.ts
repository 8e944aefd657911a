import { type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A request that went well is logged at debug: at info, order-service wrote a line with every
 * header for each `POST /orders`, on the hot path. Client errors are warnings, server errors
 * errors, so what needs a look still shows at the default level.
 */
export function accessLogLevel(
  _request: IncomingMessage,
  response: ServerResponse,
  error?: Error,
): 'error' | 'warn' | 'debug' {
  if (error !== undefined || response.statusCode >= 500) return 'error';
  return response.statusCode >= 400 ? 'warn' : 'debug';
}
