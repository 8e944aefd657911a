import { type Context, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The attribute in which the pg instrumentation records a query's text (semconv `db.query.text`). */
const QUERY_TEXT = 'db.query.text';

/** A round trip that only opens or commits a transaction: `BEGIN` or `COMMIT`, alone. */
const BARE_BEGIN_OR_COMMIT = /^\s*(begin|start\s+transaction|commit|end)\s*;?\s*$/i;

/**
 * Hands every ended span on to `next`, except the query span of a bare `BEGIN` or `COMMIT` that
 * succeeded (a Prisma transaction's; the messaging library's transactions make one span of
 * their own). Such a span tells a reader nothing that its parent and the queries between them
 * do not, yet each one is serialised by the service and parsed by Zipkin: a transaction of
 * two queries made four spans. A failed COMMIT, a ROLLBACK and a statement sent together with
 * its BEGIN stay.
 */
export class WithoutTransactionControl implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (!isBareBeginOrCommit(span)) this.next.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}

function isBareBeginOrCommit(span: ReadableSpan): boolean {
  const statement = span.attributes[QUERY_TEXT];
  return (
    typeof statement === 'string' &&
    span.status.code !== SpanStatusCode.ERROR &&
    BARE_BEGIN_OR_COMMIT.test(statement)
  );
}
