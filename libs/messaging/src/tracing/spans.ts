import { type Span, SpanStatusCode } from '@opentelemetry/api';

/** Ends `span`; with an `error`, records it on the span and marks the span as failed. */
export function endSpan(span: Span, error?: unknown): void {
  if (error !== undefined) {
    const failure = error instanceof Error ? error : new Error(JSON.stringify(error));
    span.recordException(failure);
    span.setStatus({ code: SpanStatusCode.ERROR, message: failure.message });
  }
  span.end();
}
