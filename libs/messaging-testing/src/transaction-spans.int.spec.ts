import { randomUUID } from 'node:crypto';
import { transactInTwoTrips, transactOnPool } from '@kafka-commerce/messaging';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { type Pool } from 'pg';
import { createMessagingDatabase } from './messaging-test-kit';

/**
 * A transaction is one `pg.transaction <database>` span on real PostgreSQL, a child of the
 * span that ran it, whose work still runs in that span (the events it appends carry its trace).
 */
const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();
const handler = trace.getTracer('test');

let db: { url: string; pool: Pool };
let spanName: string;

beforeAll(async () => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(contextManager.enable());
  db = await createMessagingDatabase(`tx_spans_${randomUUID().slice(0, 8)}`);
  spanName = `pg.transaction ${new URL(db.url).pathname.slice(1)}`;
});

afterAll(async () => {
  await db.pool.end();
  await provider.shutdown();
  trace.disable();
  context.disable();
});

beforeEach(() => {
  exporter.reset();
});

const INSERT_EFFECT = 'INSERT INTO effects (event_id, message_key, label) VALUES ($1, $2, $3)';

/** Runs `work` in a handler's span, as the transport runs a consumed event's handler. */
async function inHandlerSpan<T>(
  work: (handlerSpanId: string) => Promise<T>,
): Promise<{ result: T; handlerSpanId: string }> {
  return handler.startActiveSpan('process orders', async (span) => {
    const handlerSpanId = span.spanContext().spanId;
    try {
      return { result: await work(handlerSpanId), handlerSpanId };
    } finally {
      span.end();
    }
  });
}

function transactionSpans(): ReadableSpan[] {
  return exporter.getFinishedSpans().filter((span) => span.name.startsWith('pg.transaction'));
}

async function effectsLabelled(label: string): Promise<number> {
  const { rows } = await db.pool.query('SELECT 1 FROM effects WHERE label = $1', [label]);
  return rows.length;
}

describe('a transaction run inside a span', () => {
  it('on the pool: one client span for BEGIN, its statements and COMMIT', async () => {
    const label = randomUUID();
    const { result: spanIdInWork, handlerSpanId } = await inHandlerSpan(() =>
      transactOnPool(db.pool, async (sql) => {
        await sql.$executeRawUnsafe(INSERT_EFFECT, randomUUID(), 'k', label);
        await sql.$queryRawUnsafe('SELECT count(*) FROM effects');
        return trace.getActiveSpan()?.spanContext().spanId;
      }),
    );

    const [span, ...others] = transactionSpans();
    expect(others).toHaveLength(0);
    expect(span?.name).toBe(spanName);
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.parentSpanContext?.spanId).toBe(handlerSpanId);
    expect(span?.attributes['db.system.name']).toBe('postgresql');
    expect(span?.attributes['db.query.text']).toBe(INSERT_EFFECT);
    expect(spanIdInWork).toBe(handlerSpanId);
    expect(await effectsLabelled(label)).toBe(1);
  });

  it('in two trips: one span whose text is the first trip, and decide runs in the caller span', async () => {
    const label = randomUUID();
    const { result: spanIdInDecide, handlerSpanId } = await inHandlerSpan(() =>
      transactInTwoTrips(db.pool, [{ text: 'SELECT count(*) FROM effects', values: [] }], () => ({
        write: { text: INSERT_EFFECT, values: [randomUUID(), 'k', label] },
        result: trace.getActiveSpan()?.spanContext().spanId,
      })),
    );

    const [span, ...others] = transactionSpans();
    expect(others).toHaveLength(0);
    expect(span?.parentSpanContext?.spanId).toBe(handlerSpanId);
    expect(span?.attributes['db.query.text']).toBe('BEGIN;\nSELECT count(*) FROM effects');
    expect(spanIdInDecide).toBe(handlerSpanId);
    expect(await effectsLabelled(label)).toBe(1);
  });

  it('marks the span failed when the transaction is rolled back', async () => {
    const label = randomUUID();
    await expect(
      inHandlerSpan(() =>
        transactOnPool(db.pool, async (sql) => {
          await sql.$executeRawUnsafe(INSERT_EFFECT, randomUUID(), 'k', label);
          await sql.$executeRawUnsafe('SELECT * FROM no_such_table');
        }),
      ),
    ).rejects.toThrow(/no_such_table/);

    const [span] = transactionSpans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.events.map((event) => event.name)).toEqual(['exception']);
    expect(await effectsLabelled(label)).toBe(0);
  });

  it('records nothing outside a span (tracing off, or the relay polling)', async () => {
    await transactOnPool(db.pool, (sql) => sql.$queryRawUnsafe('SELECT 1'));
    await transactInTwoTrips(db.pool, [], () => ({ write: null, result: undefined }));
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });
});
