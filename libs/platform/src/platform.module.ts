import { randomUUID } from 'node:crypto';
import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health/health.controller';
import { accessLogLevel } from './http/access-log-level';
import { MetricsController } from './metrics/metrics.controller';
import { ServiceMetrics } from './metrics/metrics';
import { PLATFORM_OPTIONS, type PlatformOptions } from './platform-options';
import { traceIdsForLog } from './tracing/tracing';

const QUIET_ROUTES = new Set(['/health', '/metrics']);

/** What every service has: structured logs (with trace ids), `GET /health`, `GET /metrics`. */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        LoggerModule.forRoot({
          pinoHttp: {
            name: options.serviceName,
            level: options.logLevel,
            genReqId: (request) => request.headers['x-request-id']?.toString() ?? randomUUID(),
            autoLogging: { ignore: (request) => QUIET_ROUTES.has(request.url ?? '') },
            customLogLevel: accessLogLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            // Every line written inside a span names it: from a log line to its trace and back.
            mixin: traceIdsForLog,
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        { provide: ServiceMetrics, useValue: options.metrics },
      ],
      exports: [ServiceMetrics],
    };
  }
}
