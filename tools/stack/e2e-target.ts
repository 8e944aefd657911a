import {
  databaseUrl,
  kafkaBrokers,
  mailUrl,
  prometheusUrl,
  resolveProfile,
  serviceUrl,
  smsUrl,
  type StackProfile,
  zipkinUrl,
} from './profile';
import { SERVICES } from './services';

/**
 * Which stack the end-to-end suite drives. By default it starts its own (`test` profile:
 * ports 31xx, `_test` databases, its own broker unless KAFKA_BROKERS is given). With
 * `E2E_STACK=running` it drives the stack `pnpm stack:up` started (ports 300x), unchanged.
 */
export function e2eTarget(env: NodeJS.ProcessEnv): {
  readonly profile: StackProfile;
  readonly owned: boolean;
} {
  const running = env.E2E_STACK === 'running';
  return { profile: resolveProfile(running ? 'dev' : 'test', env), owned: !running };
}

/**
 * What the suites read: one URL and one database URL per service, the brokers, and the
 * stack's mail and SMS sinks, Zipkin and Prometheus.
 */
export function e2eEnvironment(profile: StackProfile): Record<string, string> {
  const env: Record<string, string> = {
    E2E_KAFKA_BROKERS: kafkaBrokers(profile).join(','),
    E2E_PROFILE: profile.name,
    E2E_STATE_DIR: profile.stateDir,
    E2E_MAIL_URL: mailUrl(profile),
    E2E_SMS_URL: smsUrl(profile),
    E2E_ZIPKIN_URL: zipkinUrl(profile),
    E2E_PROMETHEUS_URL: prometheusUrl(profile),
  };
  for (const service of SERVICES) {
    const key = service.schema.toUpperCase();
    env[`E2E_${key}_URL`] = serviceUrl(profile, service);
    env[`E2E_${key}_DATABASE_URL`] = databaseUrl(profile, service);
  }
  return env;
}
