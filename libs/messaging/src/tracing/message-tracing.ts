import {
  type Context,
  context,
  type Link,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  trace,
} from '@opentelemetry/api';
import { endSpan } from './spans';

/*
 * How one order becomes one trace although the outbox breaks the call chain: the use case's
 * span context is written into the event's headers when the event is appended (they are
 * stored with the outbox row, next to the correlation id); the relay's publish span
 * continues it and replaces it with its own; the consumer's span continues the relay's.
 * With no tracing SDK started every call below is the OpenTelemetry API's no-op.
 */

const tracer = trace.getTracer('@kafka-commerce/messaging');

/**
 * The span of each event a batch handler is processing, by event id. A batch's handler runs
 * in the batch's span, yet each event it appends belongs to the trace of the event that
 * caused it (its causation): an order's payment.processed must join the order's trace, not
 * the trace of the batch its inventory.reserved happened to be consumed in.
 */
const batchedEventContexts = new Map<string, Context>();

/**
 * Adds the trace context an appended event continues to its headers (`traceparent`,
 * `tracestate`): its causation's span when that event is being processed in a batch here,
 * otherwise the active span.
 */
export function withTraceContext(
  headers: Record<string, string>,
  causationId?: string | null,
): Record<string, string> {
  const causation = causationId ? batchedEventContexts.get(causationId) : undefined;
  propagation.inject(causation ?? context.active(), headers);
  return headers;
}

/** A row on its way from the outbox to Kafka: its headers as stored, rewritten for the message. */
export interface PublishedRow {
  readonly topic: string;
  readonly key: string;
  readonly eventId: string;
  headers: Record<string, string>;
}

/**
 * Opens a producer span per traced row, from its claim by the relay until Kafka acknowledged
 * it, and makes the row's message carry that span. Returns what ends them. (The gap between
 * the use case's span and this one is the time the event waited in the outbox.)
 */
export function tracePublishing(rows: readonly PublishedRow[]): (error?: unknown) => void {
  const spans: Span[] = [];
  for (const row of rows) {
    const parent = propagation.extract(ROOT_CONTEXT, row.headers);
    if (!trace.getSpanContext(parent)) continue; // appended outside any trace
    const span = tracer.startSpan(
      `publish ${row.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: messagingAttributes(row, 'send'),
      },
      parent,
    );
    row.headers = withContext(row.headers, trace.setSpan(parent, span));
    spans.push(span);
  }
  return (error) => {
    for (const span of spans) endSpan(span, error);
  };
}

/** What the consumer's span knows of the message it processes. */
export interface ConsumedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly eventId: string;
  readonly eventType: string;
}

/**
 * Runs a handler for one or more messages of one partition inside consumer spans: each
 * message gets a span that continues its producer's trace; a batch of several also gets a
 * span of its own, linked to every message's span, and the handler runs in that one (its
 * queries serve all of them at once). `messagesToTrace` is called only when tracing is on.
 */
export async function traceConsuming<T>(
  group: string,
  messagesToTrace: () => readonly ConsumedMessage[],
  handle: () => Promise<T>,
): Promise<T> {
  // Tracing off (no propagator registered): not even the messages' headers are read.
  if (propagation.fields().length === 0) return handle();
  const messages = messagesToTrace();
  const consumed = messages.map((message) => startConsumerSpan(group, message));
  const [only] = consumed;
  if (!only) return handle();
  const batch = consumed.length > 1 ? startBatchSpan(messages, consumed) : undefined;
  const spans = batch ? [batch, ...consumed.map(({ span }) => span)] : [only.span];
  if (batch) {
    messages.forEach((message, index) => {
      rememberBatched(message, consumed[index]);
    });
  }
  try {
    const result = await context.with(
      batch ? trace.setSpan(ROOT_CONTEXT, batch) : only.context,
      handle,
    );
    for (const span of spans) endSpan(span);
    return result;
  } catch (error) {
    for (const span of spans) endSpan(span, error);
    throw error;
  } finally {
    if (batch) for (const message of messages) batchedEventContexts.delete(message.eventId);
  }
}

function rememberBatched(message: ConsumedMessage, consumed?: { context: Context }): void {
  if (consumed) batchedEventContexts.set(message.eventId, consumed.context);
}

function startBatchSpan(
  messages: readonly ConsumedMessage[],
  consumed: readonly { span: Span }[],
): Span {
  return tracer.startSpan(`process ${messages[0]?.topic ?? ''} batch`, {
    kind: SpanKind.CONSUMER,
    links: consumed.map(({ span }): Link => ({ context: span.spanContext() })),
    attributes: { 'messaging.batch.message_count': messages.length },
  });
}

function startConsumerSpan(
  group: string,
  message: ConsumedMessage,
): { span: Span; context: Context } {
  const parent = propagation.extract(ROOT_CONTEXT, message.headers);
  const span = tracer.startSpan(
    `process ${message.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        ...messagingAttributes(message, 'process'),
        'messaging.consumer.group.name': group,
        'messaging.destination.partition.id': String(message.partition),
        'messaging.kafka.offset': Number(message.offset),
        'event.type': message.eventType,
      },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/**
 * OpenTelemetry's messaging attributes. The key is the aggregate's id (an order's events are
 * keyed by the order), so Zipkin finds an order's trace by it:
 * `annotationQuery=messaging.kafka.message.key=<order id>`.
 */
function messagingAttributes(
  message: { readonly topic: string; readonly key: string; readonly eventId: string },
  operation: string,
) {
  return {
    'messaging.system': 'kafka',
    'messaging.destination.name': message.topic,
    'messaging.operation.type': operation,
    'messaging.message.id': message.eventId,
    'messaging.kafka.message.key': message.key,
  };
}

/** A copy of `headers` whose `traceparent`/`tracestate` are those of `ctx`. */
function withContext(headers: Record<string, string>, ctx: Context): Record<string, string> {
  const rest = { ...headers };
  for (const field of propagation.fields()) Reflect.deleteProperty(rest, field);
  propagation.inject(ctx, rest);
  return rest;
}
