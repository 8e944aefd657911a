import { STATUS_CODES } from 'node:http';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  type HttpStatus,
  Inject,
  type Provider,
} from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';

/** How one domain error answers over HTTP. */
export interface DomainErrorAnswer<TError extends Error = Error> {
  readonly error: abstract new (...args: never[]) => TError;
  readonly status: HttpStatus;
  /** Fields the body carries besides `statusCode`, `error` and `message`. */
  readonly details?: (error: TError) => Record<string, unknown>;
}

/** Keeps each answer's `details` typed by its own error class in a list of several. */
export function answer<TError extends Error>(answer: DomainErrorAnswer<TError>): DomainErrorAnswer {
  return answer as unknown as DomainErrorAnswer;
}

/**
 * The one place a module's domain errors become HTTP errors, so controllers hold no
 * try/catch and domain code stays free of HTTP: list the module's errors with their status
 * and put the returned provider in the module. The body is Nest's own error shape
 * (`{ statusCode, error, message }`) plus the answer's details. Kafka handlers keep their
 * own filter, which hands errors to the transport, so this one only sees HTTP requests.
 */
export function domainErrorFilter(answers: readonly DomainErrorAnswer[]): Provider {
  @Catch(...answers.map((known) => known.error))
  class DomainErrorFilter implements ExceptionFilter {
    constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

    catch(error: Error, host: ArgumentsHost): void {
      const known = answers.find((candidate) => error instanceof candidate.error);
      if (host.getType() !== 'http' || !known) throw error;
      const body = {
        statusCode: known.status,
        error: STATUS_CODES[known.status],
        message: error.message,
        ...known.details?.(error),
      };
      const reply: unknown = host.switchToHttp().getResponse();
      this.adapterHost.httpAdapter.reply(reply, body, known.status);
    }
  }
  return { provide: APP_FILTER, useClass: DomainErrorFilter };
}
