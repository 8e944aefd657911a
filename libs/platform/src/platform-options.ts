import { type Type } from '@nestjs/common';
import { type ReadinessProbe } from './readiness-probe';

export interface PlatformOptions {
  readonly serviceName: string;
  readonly logLevel: string;
  /** Providers checked by `GET /health`; the service is ready only when all answer. */
  readonly readinessProbes: readonly Type<ReadinessProbe>[];
}

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
