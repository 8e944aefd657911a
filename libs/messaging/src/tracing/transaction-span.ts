import { context, type Span, SpanKind, trace } from '@opentelemetry/api';
import { type PoolClient } from 'pg';
import { endSpan } from './spans';

const tracer = trace.getTracer('@kafka-commerce/messaging');

/**
 * One client span for a whole transaction, `pg.transaction <database>`, instead of the pg
 * instrumentation's span per round trip. A transaction is two round trips (transactInTwoTrips)
 * or BEGIN, its statements and COMMIT (transactOnPool); their spans were most of an order's
 * trace while telling a reader little more than one span does. So the round trips run outside
 * any span (`roundTrip`), where the pg instrumentation, which traces only queries inside one
 * (`requireParentSpan`), neither adds a span nor does its per-query work.
 *
 * Outside a span (tracing off, the relay's polling) nothing is recorded or wrapped.
 */
export class TransactionSpan {
  private statementRecorded = false;

  private constructor(private readonly span: Span | undefined) {}

  /** Starts the span of a transaction on `client`, as a child of the active span if any. */
  static start(client: PoolClient): TransactionSpan {
    if (!trace.getSpan(context.active())) return new TransactionSpan(undefined);
    const database = client.database ?? '';
    return new TransactionSpan(
      tracer.startSpan(`pg.transaction ${database}`, {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'postgresql',
          'db.namespace': database,
          'server.address': client.host,
          'server.port': client.port,
        },
      }),
    );
  }

  /**
   * Runs one round trip of the transaction without a span of its own. The first `statement`
   * given becomes the span's `db.query.text` (cut to the span limits' length by the SDK): it
   * names the transaction's work well enough to find it in the repo. BEGIN and COMMIT alone
   * pass none.
   */
  roundTrip<R>(send: () => Promise<R>, statement?: string): Promise<R> {
    if (!this.span) return send();
    if (statement !== undefined && !this.statementRecorded) {
      this.span.setAttribute('db.query.text', statement);
      this.statementRecorded = true;
    }
    return context.with(trace.deleteSpan(context.active()), send);
  }

  /** Ends the span; marked as failed when the transaction did. */
  end(error?: unknown): void {
    if (this.span) endSpan(this.span, error);
  }
}
