import { context, propagation, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  type ConsumedMessage,
  traceConsuming,
  tracePublishing,
  withTraceContext,
} from './message-tracing';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager();

beforeAll(() => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(contextManager.enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});
beforeEach(() => {
  exporter.reset();
});

const useCase = trace.getTracer('test');

/** Appends an event inside a use case's span, as a controller or handler does. */
function appendInSpan(): { headers: Record<string, string>; traceId: string; spanId: string } {
  return useCase.startActiveSpan('POST /orders', (span) => {
    const headers = withTraceContext({ 'event-type': 'order.created' });
    span.end();
    return { headers, ...span.spanContext() };
  });
}

function consumed(headers: Record<string, string>, offset: string): ConsumedMessage {
  return {
    topic: 'orders',
    partition: 0,
    offset,
    key: 'order-1',
    headers,
    eventId: `e-${offset}`,
    eventType: 'order.created',
  };
}

function spanNamed(name: string): ReadableSpan {
  const span = exporter.getFinishedSpans().find((candidate) => candidate.name === name);
  if (!span) throw new Error(`no span ${name}`);
  return span;
}

describe('a trace through the outbox and Kafka', () => {
  it('stores no trace context for an event appended outside any span', () => {
    expect(withTraceContext({})).toEqual({});
  });

  it('continues the use case in the publish span, and the publish span in the consumer span', async () => {
    const appended = appendInSpan();
    const row = { topic: 'orders', key: 'order-1', eventId: 'e-1', headers: appended.headers };
    const endPublishing = tracePublishing([row]);
    endPublishing();
    const publish = spanNamed('publish orders');
    expect(publish.parentSpanContext?.spanId).toBe(appended.spanId);
    expect(row.headers.traceparent).toContain(publish.spanContext().spanId);
    expect(row.headers['event-type']).toBe('order.created');

    const traceIdInHandler = await traceConsuming(
      'svc.orders',
      () => [consumed(row.headers, '7')],
      () => Promise.resolve(trace.getActiveSpan()?.spanContext().traceId),
    );
    const process = spanNamed('process orders');
    expect(process.spanContext().traceId).toBe(appended.traceId);
    expect(process.parentSpanContext?.spanId).toBe(publish.spanContext().spanId);
    expect(process.attributes['messaging.consumer.group.name']).toBe('svc.orders');
    expect(process.attributes['messaging.kafka.message.key']).toBe('order-1');
    expect(traceIdInHandler).toBe(appended.traceId);
  });

  it('starts no publish span for a row that carries no trace', () => {
    tracePublishing([{ topic: 'orders', eventId: 'e-2', key: 'order-1', headers: {} }])();
    expect(exporter.getFinishedSpans()).toHaveLength(0);
  });

  it('gives a batch of several traces one span per message and a batch span linked to each', async () => {
    const first = appendInSpan();
    const second = appendInSpan();
    exporter.reset();
    await traceConsuming(
      'svc.orders',
      () => [consumed(first.headers, '1'), consumed(second.headers, '2')],
      () => Promise.resolve(),
    );
    const spans = exporter.getFinishedSpans();
    const perMessage = spans.filter((span) => span.name === 'process orders');
    expect(perMessage.map((span) => span.spanContext().traceId).sort()).toEqual(
      [first.traceId, second.traceId].sort(),
    );
    const batch = spanNamed('process orders batch');
    expect(batch.links.map((link) => link.context.spanId).sort()).toEqual(
      perMessage.map((span) => span.spanContext().spanId).sort(),
    );
  });

  it('puts an event a batch handler appends in the trace of the event that caused it', async () => {
    const first = appendInSpan();
    const second = appendInSpan();
    exporter.reset();
    const [causedBySecond, uncaused] = await traceConsuming(
      'svc.orders',
      () => [consumed(first.headers, '1'), consumed(second.headers, '2')],
      () =>
        Promise.resolve([
          withTraceContext({}, 'e-2'),
          withTraceContext({}, 'an event not in this batch'),
        ]),
    );
    const ofSecond = exporter
      .getFinishedSpans()
      .find(
        (span) => span.name === 'process orders' && span.spanContext().traceId === second.traceId,
      );
    expect(causedBySecond.traceparent).toBe(
      `00-${second.traceId}-${ofSecond?.spanContext().spanId}-01`,
    );
    expect(uncaused.traceparent).toContain(spanNamed('process orders batch').spanContext().spanId);
    // Once the batch is handled its events are forgotten.
    expect(withTraceContext({}, 'e-2')).toEqual({});
  });

  it('reads nothing of the messages when tracing is off (no propagator)', async () => {
    propagation.disable();
    try {
      const messagesToTrace = jest.fn(() => [consumed({}, '4')]);
      await expect(
        traceConsuming('svc.orders', messagesToTrace, () => Promise.resolve(7)),
      ).resolves.toBe(7);
      expect(messagesToTrace).not.toHaveBeenCalled();
      expect(exporter.getFinishedSpans()).toHaveLength(0);
    } finally {
      propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    }
  });

  it('marks the consumer span failed when the handler throws, and rethrows', async () => {
    const appended = appendInSpan();
    await expect(
      traceConsuming(
        'svc.orders',
        () => [consumed(appended.headers, '3')],
        () => Promise.reject(new Error('stock table locked')),
      ),
    ).rejects.toThrow('stock table locked');
    expect(spanNamed('process orders').status.code).toBe(SpanStatusCode.ERROR);
  });
});
