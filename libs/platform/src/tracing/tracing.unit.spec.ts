import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { enabledInstrumentations, startTracing, traceIdsForLog } from './tracing';

beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
});
afterAll(() => {
  context.disable();
});

describe('tracing', () => {
  it('stays off unless an exporter is named (unit tests and bare runs trace nothing)', () => {
    expect(startTracing({})).toBe(false);
    expect(startTracing({ OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
  });

  it('refuses an exporter it does not support, naming the variable', () => {
    expect(() => startTracing({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/OTEL_TRACES_EXPORTER/);
  });

  it('loads every instrumentation but those OTEL_NODE_DISABLED_INSTRUMENTATIONS names', () => {
    expect(enabledInstrumentations({})).toEqual(['http', 'pg']);
    expect(enabledInstrumentations({ OTEL_NODE_DISABLED_INSTRUMENTATIONS: ' pg ' })).toEqual([
      'http',
    ]);
    expect(enabledInstrumentations({ OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'http,pg' })).toEqual([]);
  });

  it('refuses an instrumentation name it does not know, naming the variable', () => {
    expect(() =>
      enabledInstrumentations({ OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pg,kafkajs' }),
    ).toThrow('OTEL_NODE_DISABLED_INSTRUMENTATIONS: "kafkajs" is not one of http, pg');
  });

  it('adds no ids to a log line written outside a span', () => {
    expect(traceIdsForLog()).toEqual({});
  });

  it('adds the span’s ids to a log line written inside it', () => {
    const spanContext = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: 1,
    };
    const ids = context.with(trace.setSpanContext(context.active(), spanContext), traceIdsForLog);
    expect(ids).toEqual({ trace_id: spanContext.traceId, span_id: spanContext.spanId });
  });
});
