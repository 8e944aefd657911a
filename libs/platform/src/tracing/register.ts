/**
 * Import this first in a service's main.ts (`import '@kafka-commerce/platform/tracing'`):
 * it starts tracing before any instrumented module loads. A no-op unless
 * `OTEL_TRACES_EXPORTER=zipkin`.
 */
import { startTracing } from './tracing';

startTracing(process.env);
