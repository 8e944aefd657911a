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

/** What a request that failed with a listed domain error is answered. */
export interface HttpAnswer {
  readonly status: HttpStatus;
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * The answer to `error` from a module's list: Nest's own error shape (`{ statusCode, error,
 * message }`) plus the answer's details; undefined when the list does not name the error.
 */
export function httpAnswerTo(
  answers: readonly DomainErrorAnswer[],
  error: Error,
): HttpAnswer | undefined {
  const known = answers.find((candidate) => error instanceof candidate.error);
  if (!known) return undefined;
  const body = {
    statusCode: known.status,
    error: STATUS_CODES[known.status],
    message: error.message,
    ...known.details?.(error),
  };
  return { status: known.status, body };
}

/**
 * The one place a module's domain errors become HTTP errors, so controllers hold no
 * try/catch and domain code stays free of HTTP: list the module's errors with their status
 * (see {@link httpAnswerTo}) and put the returned provider in the module. Kafka handlers
 * keep their own filter, which hands errors to the transport, so this one only sees HTTP
 * requests.
 */
export function domainErrorFilter(answers: readonly DomainErrorAnswer[]): Provider {
  @Catch(...answers.map((known) => known.error))
  class DomainErrorFilter implements ExceptionFilter {
    constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

    catch(error: Error, host: ArgumentsHost): void {
      const answer = httpAnswerTo(answers, error);
      if (host.getType() !== 'http' || !answer) throw error;
      const reply: unknown = host.switchToHttp().getResponse();
      this.adapterHost.httpAdapter.reply(reply, answer.body, answer.status);
    }
  }
  return { provide: APP_FILTER, useClass: DomainErrorFilter };
}
