import path from 'node:path';
import { type ServiceSpec } from './services';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * Where one stack runs. `dev` is what `pnpm stack:up` starts; `test` is the suite's own
 * stack, on other ports, another broker and `_test` databases, so tests never touch dev data.
 */
export interface StackProfile {
  readonly name: 'dev' | 'test';
  readonly stateDir: string;
  readonly portOffset: number;
  /** The development mail sink (SMTP in, JSON API out) the notification service sends to. */
  readonly mail: { readonly smtpPort: number; readonly httpPort: number };
  readonly databaseSuffix: string;
  /** Server URL without a database; each service gets its own database on it. */
  readonly postgresUrl: string;
  /** Given brokers are used as they are; otherwise a local broker instance is started. */
  readonly kafka:
    | { readonly external: true; readonly brokers: readonly string[] }
    | { readonly external: false; readonly instance: string; readonly port: number };
}

const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';

export function resolveProfile(name: StackProfile['name'], env: NodeJS.ProcessEnv): StackProfile {
  const isTest = name === 'test';
  const givenBrokers = env.KAFKA_BROKERS?.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return {
    name,
    stateDir: path.join(REPO_ROOT, '.stack', name),
    portOffset: isTest ? 100 : 0,
    mail: isTest ? { smtpPort: 1125, httpPort: 8125 } : { smtpPort: 1025, httpPort: 8025 },
    databaseSuffix: isTest ? '_test' : '',
    postgresUrl: env.POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
    kafka: givenBrokers?.length
      ? { external: true, brokers: givenBrokers }
      : { external: false, instance: name, port: isTest ? 19092 : 9092 },
  };
}

export function kafkaBrokers(profile: StackProfile): readonly string[] {
  return profile.kafka.external ? profile.kafka.brokers : [`127.0.0.1:${profile.kafka.port}`];
}

export function databaseName(profile: StackProfile, service: ServiceSpec): string {
  return `kc_${service.schema}${profile.databaseSuffix}`;
}

export function databaseUrl(profile: StackProfile, service: ServiceSpec): string {
  return withDatabase(profile.postgresUrl, databaseName(profile, service));
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function mailUrl(profile: StackProfile): string {
  return `http://127.0.0.1:${profile.mail.httpPort}`;
}

export function servicePort(profile: StackProfile, service: ServiceSpec): number {
  return service.port + profile.portOffset;
}

export function serviceUrl(profile: StackProfile, service: ServiceSpec): string {
  return `http://127.0.0.1:${servicePort(profile, service)}`;
}
