import { context, trace } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { WithoutTransactionControl } from './without-transaction-control';

/** Requests that are probes, not work: tracing them would bury every order under scrapes. */
const UNTRACED_PATHS = new Set(['/health', '/metrics']);

/** How much of a string attribute (a query's text, in practice) a span keeps. */
const STATEMENT_PREFIX_LENGTH = 256;

/** The instrumentations, by the names OTEL_NODE_DISABLED_INSTRUMENTATIONS takes. */
const INSTRUMENTATIONS = {
  http: () =>
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has(request.url ?? ''),
    }),
  // Queries only: a pool checkout is not work, and a span per checkout doubled the count.
  pg: () => new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
};
type InstrumentationName = keyof typeof INSTRUMENTATIONS;

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry when `OTEL_TRACES_EXPORTER=zipkin` (the stack and compose set it; unit
 * tests leave it unset, so the API stays a no-op there). Must run before `http` and `pg` are
 * first required: instrumentations patch modules as they load, so each service's main.ts
 * imports `@kafka-commerce/platform/tracing` first.
 *
 * What is traced: incoming HTTP requests, PostgreSQL queries made inside a span (the relay's
 * polling is not; nor is a bare BEGIN or COMMIT, see WithoutTransactionControl), and the
 * messaging spans the transport opens from the `traceparent` it carries through the outbox and
 * Kafka headers. OTEL_NODE_DISABLED_INSTRUMENTATIONS leaves out HTTP or query spans.
 */
export function startTracing(env: NodeJS.ProcessEnv): boolean {
  const exporter = env.OTEL_TRACES_EXPORTER ?? 'none';
  if (exporter === 'none' || sdk) return sdk !== undefined;
  if (exporter !== 'zipkin') {
    throw new Error(`OTEL_TRACES_EXPORTER: "${exporter}" is not supported (zipkin or none)`);
  }
  sdk = new NodeSDK({
    ...(env.OTEL_SERVICE_NAME ? { serviceName: env.OTEL_SERVICE_NAME } : {}),
    // The service's name only. Zipkin's format has no resource: the exporter copies it into
    // every span's tags, and the SDK's own name, language and version were a sixth of each
    // span's bytes, serialised by the service and parsed by Zipkin for every span.
    resource: resourceFromAttributes({}),
    autoDetectResources: false,
    spanProcessors: [
      new WithoutTransactionControl(
        new BatchSpanProcessor(
          new ZipkinExporter({
            url: env.OTEL_EXPORTER_ZIPKIN_ENDPOINT ?? 'http://localhost:9411/api/v2/spans',
          }),
        ),
      ),
    ],
    // Our statements are long CTEs: in full they were half the bytes of an order's trace, which
    // every service serialises and Zipkin parses. Their first 256 characters identify them (the
    // text is in the repo). OTEL_[SPAN_]ATTRIBUTE_VALUE_LENGTH_LIMIT sets another limit.
    ...((env.OTEL_SPAN_ATTRIBUTE_VALUE_LENGTH_LIMIT ?? env.OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT)
      ? {}
      : { spanLimits: { attributeValueLengthLimit: STATEMENT_PREFIX_LENGTH } }),
    // Traces only: metrics are Prometheus' (/metrics) and logs are pino's on stdout.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: enabledInstrumentations(env).map((name) => INSTRUMENTATIONS[name]()),
  });
  sdk.start();
  return true;
}

/**
 * The instrumentations to load: all but those OTEL_NODE_DISABLED_INSTRUMENTATIONS names
 * (comma-separated, as `@opentelemetry/auto-instrumentations-node` reads it: `http`, `pg`).
 * The transport's messaging spans are not an instrumentation and stay.
 */
export function enabledInstrumentations(env: NodeJS.ProcessEnv): InstrumentationName[] {
  const names = Object.keys(INSTRUMENTATIONS) as InstrumentationName[];
  const disabled = (env.OTEL_NODE_DISABLED_INSTRUMENTATIONS ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = disabled.filter((name) => !(names as string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `OTEL_NODE_DISABLED_INSTRUMENTATIONS: ${unknown.map((name) => `"${name}"`).join(', ')} ` +
        `is not one of ${names.join(', ')}`,
    );
  }
  return names.filter((name) => !disabled.includes(name));
}

/** Sends the spans still buffered; the last step of a graceful stop. */
export async function stopTracing(): Promise<void> {
  const running = sdk;
  sdk = undefined;
  await running?.shutdown();
}

/**
 * Names the current HTTP server span after its route (`POST /orders`, not `POST`), the way
 * the HTTP instrumentation expects a framework to: through the request's RPC metadata.
 */
export function nameHttpSpanAfterRoute(route: string): void {
  const metadata = getRPCMetadata(context.active());
  if (metadata?.type === RPCType.HTTP) metadata.route = route;
}

/** The ids a log line carries to join its trace; empty outside a span. */
export function traceIdsForLog(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
