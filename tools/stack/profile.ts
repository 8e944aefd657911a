import path from 'node:path';
import { withDatabase } from '../postgres/database-url';
import { type ServiceSpec } from './services';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/**
 * Where one stack runs. `dev` is what `pnpm stack:up` starts; the others are stacks tools start
 * for themselves (`test` for the suites, `faults` for `pnpm test:faults`, `bench` for
 * `pnpm bench`), each on its own ports, broker and databases, so none touches another's data.
 */
export interface StackProfile {
  readonly name: ProfileName;
  readonly stateDir: string;
  readonly portOffset: number;
  /** The development mail sink (SMTP in, JSON API out) the notification service sends to. */
  readonly mail: { readonly smtpPort: number; readonly httpPort: number };
  /** The development SMS sink (tools/smssink: Twilio's Messages API in, JSON out). */
  readonly sms: { readonly httpPort: number };
  readonly databaseSuffix: string;
  /** Throwaway profiles start from empty databases and an empty broker every run. */
  readonly ephemeral: boolean;
  /** Server URL without a database; each service gets its own database on it. */
  readonly postgresUrl: string;
  /**
   * Given brokers are used as they are; otherwise a local instance of tools/kafka/kafka.sh is
   * started: one broker, or a cluster of `nodes` (node I serves clients on port + 2(I-1)).
   */
  readonly kafka:
    | { readonly external: true; readonly brokers: readonly string[] }
    | {
        readonly external: false;
        readonly instance: string;
        readonly port: number;
        readonly nodes: BrokerCount;
      };
  /** Zipkin (tools/zipkin/zipkin.sh, spans in memory): where the services send their traces. */
  readonly zipkin: { readonly port: number };
  /**
   * Prometheus (Debian's package, one server per stack): scrapes every service's /metrics and
   * evaluates the alert rules of ops/prometheus/rules, both every `intervalSeconds`.
   */
  readonly prometheus: { readonly port: number; readonly intervalSeconds: number };
}

/** One broker, or a three-node cluster (replicas 3, min.insync.replicas 2). */
export const BROKER_COUNTS = [1, 3] as const;
export type BrokerCount = (typeof BROKER_COUNTS)[number];

export function isBrokerCount(count: number): count is BrokerCount {
  return (BROKER_COUNTS as readonly number[]).includes(count);
}

export const PROFILE_NAMES = ['dev', 'test', 'faults', 'bench'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

/**
 * Ports are the dev ports plus an offset per profile (services 30xx, mail 1025/8025, SMS 8026, Zipkin 9411,
 * Prometheus 9090; Kafka has its own below).
 * Not 300: analytics-service would take 3306, MySQL's and MariaDB's port (running on some hosts).
 */
const PORT_OFFSETS: Record<ProfileName, number> = { dev: 0, test: 100, faults: 200, bench: 400 };
// Apart from every other broker the repo starts: the int-test backend (29092), the messaging
// suites' own brokers (29300-29305, 29492, 29494), the comparison's (29792) and the compose
// smoke test's (29892). Each node also takes the next port for its controller. Every fixed
// port stays below 32768: Linux gives 32768-60999 to outgoing connections, and a listener
// cannot bind a port one of them holds at that moment.
const KAFKA_PORTS: Record<ProfileName, number> = {
  dev: 9092,
  test: 19092,
  faults: 29192,
  bench: 29692,
};

// The suites' profiles prove that alerts fire, so they scrape and evaluate every second;
// people and benchmarks get Prometheus' usual pace.
const PROMETHEUS_INTERVAL_SECONDS: Record<ProfileName, number> = {
  dev: 15,
  test: 1,
  faults: 1,
  bench: 15,
};

const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';

export function resolveProfile(
  name: ProfileName,
  env: NodeJS.ProcessEnv,
  brokerCount: BrokerCount = 1,
): StackProfile {
  const offset = PORT_OFFSETS[name];
  const givenBrokers = env.KAFKA_BROKERS?.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  return {
    name,
    stateDir: path.join(REPO_ROOT, '.stack', name),
    portOffset: offset,
    mail: { smtpPort: 1025 + offset, httpPort: 8025 + offset },
    sms: { httpPort: 8026 + offset },
    databaseSuffix: name === 'dev' ? '' : `_${name}`,
    ephemeral: name !== 'dev',
    postgresUrl: env.POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
    kafka: givenBrokers?.length
      ? { external: true, brokers: givenBrokers }
      : { external: false, instance: name, port: KAFKA_PORTS[name], nodes: brokerCount },
    zipkin: { port: 9411 + offset },
    prometheus: { port: 9090 + offset, intervalSeconds: PROMETHEUS_INTERVAL_SECONDS[name] },
  };
}

export function kafkaBrokers(profile: StackProfile): readonly string[] {
  const { kafka } = profile;
  if (kafka.external) return kafka.brokers;
  return Array.from({ length: kafka.nodes }, (_, node) => `127.0.0.1:${kafka.port + 2 * node}`);
}

export function databaseName(profile: StackProfile, service: ServiceSpec): string {
  return `kc_${service.schema}${profile.databaseSuffix}`;
}

export function databaseUrl(profile: StackProfile, service: ServiceSpec): string {
  return withDatabase(profile.postgresUrl, databaseName(profile, service));
}

export function mailUrl(profile: StackProfile): string {
  return `http://127.0.0.1:${profile.mail.httpPort}`;
}

export function smsUrl(profile: StackProfile): string {
  return `http://127.0.0.1:${profile.sms.httpPort}`;
}

export function zipkinUrl(profile: StackProfile): string {
  return `http://127.0.0.1:${profile.zipkin.port}`;
}

export function prometheusUrl(profile: StackProfile): string {
  return `http://127.0.0.1:${profile.prometheus.port}`;
}

export function servicePort(profile: StackProfile, service: ServiceSpec): number {
  return service.port + profile.portOffset;
}

export function serviceUrl(profile: StackProfile, service: ServiceSpec): string {
  return `http://127.0.0.1:${servicePort(profile, service)}`;
}
