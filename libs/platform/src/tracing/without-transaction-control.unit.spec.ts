import { SpanStatusCode } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { WithoutTransactionControl } from './without-transaction-control';

const exported = new InMemorySpanExporter();
const provider = new BasicTracerProvider({
  spanProcessors: [new WithoutTransactionControl(new SimpleSpanProcessor(exported))],
});
afterAll(() => provider.shutdown());
beforeEach(() => {
  exported.reset();
});

/** Ends a query span the way the pg instrumentation records one. */
function query(text: string, failed = false): void {
  const span = provider.getTracer('pg').startSpan(`pg.query:${text}`);
  span.setAttribute('db.query.text', text);
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR, message: 'could not serialize' });
  span.end();
}

const exportedTexts = () =>
  exported.getFinishedSpans().map((span) => span.attributes['db.query.text']);

describe('WithoutTransactionControl', () => {
  it('drops the spans of a bare BEGIN and COMMIT and keeps the queries between them', () => {
    query('BEGIN');
    query('insert into inbox values ($1)');
    query('commit;');
    expect(exportedTexts()).toEqual(['insert into inbox values ($1)']);
  });

  it('keeps a statement sent in the same round trip as its BEGIN or COMMIT', () => {
    query('BEGIN;\n\nSELECT 1 FOR UPDATE');
    query('UPDATE stock SET on_hand = 1;\n\nCOMMIT');
    expect(exportedTexts()).toHaveLength(2);
  });

  it('keeps a COMMIT that failed and every ROLLBACK: they are what a reader looks for', () => {
    query('COMMIT', true);
    query('ROLLBACK');
    expect(exportedTexts()).toEqual(['COMMIT', 'ROLLBACK']);
  });

  it('keeps spans that are not queries', () => {
    provider.getTracer('http').startSpan('POST /orders').end();
    expect(exported.getFinishedSpans().map((span) => span.name)).toEqual(['POST /orders']);
  });
});
