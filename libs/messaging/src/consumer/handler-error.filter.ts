import { type ArgumentsHost, Catch, type RpcExceptionFilter } from '@nestjs/common';
import { type Observable, throwError } from 'rxjs';

/**
 * Hands a consumer handler's error to the transport unchanged. Nest's default RPC filter
 * replaces any error that is not an RpcException with `{ status: 'error', message: 'Internal
 * server error' }`, so retries were logged and dead letters written with that instead of
 * what went wrong. `@EventHandler` binds it to every handler.
 */
@Catch()
export class HandlerErrorFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
