import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { type PoolClient } from 'pg';
import { TransactionSpan } from './transaction-span';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();
const handler = trace.getTracer('test');

/** What the span reads of a connection: its database and server. */
const client = { database: 'kc_order', host: '127.0.0.1', port: 5432 } as PoolClient;

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(contextManager.enable());
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
});
beforeEach(() => {
  exporter.reset();
});

const activeSpanId = () => Promise.resolve(trace.getActiveSpan()?.spanContext().spanId);

describe('TransactionSpan', () => {
  it('sends each round trip outside any span, so the pg instrumentation adds none', async () => {
    const inTrip = await handler.startActiveSpan('process orders', async (parent) => {
      const span = TransactionSpan.start(client);
      const spanIds = [
        await span.roundTrip(activeSpanId),
        await span.roundTrip(activeSpanId, 'SELECT 1'),
      ];
      span.end();
      parent.end();
      return spanIds;
    });
    expect(inTrip).toEqual([undefined, undefined]);
  });

  it('is a child of the active span, named after the database, with the first statement given', () => {
    const parentId = handler.startActiveSpan('process orders', (parent) => {
      const span = TransactionSpan.start(client);
      void span.roundTrip(() => Promise.resolve(), undefined);
      void span.roundTrip(() => Promise.resolve(), 'BEGIN;\nSELECT 1');
      void span.roundTrip(() => Promise.resolve(), 'UPDATE t SET x = 1;\nCOMMIT');
      span.end();
      parent.end();
      return parent.spanContext().spanId;
    });
    const [span] = exporter.getFinishedSpans().filter((s) => s.name === 'pg.transaction kc_order');
    expect(span?.parentSpanContext?.spanId).toBe(parentId);
    expect(span?.attributes).toEqual({
      'db.system.name': 'postgresql',
      'db.namespace': 'kc_order',
      'server.address': '127.0.0.1',
      'server.port': 5432,
      'db.query.text': 'BEGIN;\nSELECT 1',
    });
  });

  it('outside a span records nothing and leaves the context as it is', async () => {
    const span = TransactionSpan.start(client);
    await expect(span.roundTrip(() => Promise.resolve(7), 'SELECT 7')).resolves.toBe(7);
    span.end(new Error('rolled back'));
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });
});
