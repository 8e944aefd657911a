import { type Type } from '@nestjs/common';
import { type ServiceMetrics } from './metrics/metrics';
import { type ReadinessProbe } from './readiness-probe';

export interface PlatformOptions {
  readonly serviceName: string;
  readonly logLevel: string;
  /** Providers checked by `GET /health`; the service is ready only when all answer. */
  readonly readinessProbes: readonly Type<ReadinessProbe>[];
  /** The service's metrics registry, shared with the messaging layer. */
  readonly metrics: ServiceMetrics;
}

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
