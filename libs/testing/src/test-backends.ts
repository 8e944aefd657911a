import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { startTestBroker, type TestBrokerOptions } from './kafka-broker';
import { imageOf, resolveTestBackend, type TestBackend } from './test-backend';

const LOCAL_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432';

/** What a test run's suites connect to, and how to take it down again. */
export interface TestBackends {
  readonly backend: TestBackend;
  /** Exported to the suites (jest workers inherit the global setup's environment). */
  readonly env: {
    readonly TEST_BACKEND: TestBackend;
    readonly KAFKA_BROKERS: string;
    /** Server URL without a database: suites and the stack create their own databases. */
    readonly POSTGRES_URL: string;
  };
  /** One line for the run's log: which back end, which addresses. */
  readonly description: string;
  stop(): Promise<void>;
}

/**
 * Kafka and PostgreSQL for one test run, started once by a jest global setup. What is given
 * (KAFKA_BROKERS, POSTGRES_URL) is used as it is; the rest comes from the back end: Kafka and
 * PostgreSQL containers (testcontainers), or the local Kafka runner and local PostgreSQL.
 */
export async function startTestBackends(
  env: NodeJS.ProcessEnv,
  localBroker: TestBrokerOptions,
): Promise<TestBackends> {
  const backend = await resolveTestBackend(env);
  const [broker, postgres] = await startBoth(
    env.KAFKA_BROKERS ? undefined : startTestBroker(backend, localBroker, env),
    env.POSTGRES_URL || backend === 'local' ? undefined : startPostgresContainer(env),
  );
  const brokers = broker?.brokers.join(',') ?? env.KAFKA_BROKERS ?? '';
  const postgresUrl = postgres?.url ?? env.POSTGRES_URL ?? LOCAL_POSTGRES_URL;
  const kafkaSource = backend === 'containers' ? imageOf('kafka', env) : 'tools/kafka/kafka.sh';
  const postgresSource = backend === 'containers' ? imageOf('postgres', env) : 'local server';
  return {
    backend,
    env: { TEST_BACKEND: backend, KAFKA_BROKERS: brokers, POSTGRES_URL: postgresUrl },
    description:
      `test back end: ${backend}, Kafka ${brokers} (${broker ? kafkaSource : 'given'}), ` +
      `PostgreSQL ${redactPassword(postgresUrl)} (${postgres || !env.POSTGRES_URL ? postgresSource : 'given'})`,
    stop: async () => {
      await Promise.all([broker?.remove(), postgres?.stop()]);
    },
  };
}

/** Both or neither: when one fails to start, the other is stopped again (no reaper here). */
async function startBoth<
  K extends { remove(): Promise<void> },
  P extends { stop(): Promise<void> },
>(
  kafka: Promise<K> | undefined,
  postgres: Promise<P> | undefined,
): Promise<[K | undefined, P | undefined]> {
  const [k, p] = await Promise.allSettled([kafka, postgres]);
  if (k.status === 'fulfilled' && p.status === 'fulfilled') return [k.value, p.value];
  await Promise.allSettled([
    k.status === 'fulfilled' ? k.value?.remove() : undefined,
    p.status === 'fulfilled' ? p.value?.stop() : undefined,
  ]);
  const reason: unknown = k.status === 'rejected' ? k.reason : p.status === 'rejected' && p.reason;
  const message = reason instanceof Error ? reason.message : String(reason);
  throw new Error(
    `the test back end did not start: ${message}\nWithout a registry, name local images ` +
      '(KAFKA_IMAGE, POSTGRES_IMAGE: tools/docker/build-offline-images.sh) or set TEST_BACKEND=local.',
    { cause: reason },
  );
}

async function startPostgresContainer(
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; stop: () => Promise<void> }> {
  // The superuser: suites and the stack create a database each.
  const container = await new PostgreSqlContainer(imageOf('postgres', env))
    .withUsername('postgres')
    .withPassword('postgres')
    .withDatabase('postgres')
    .start();
  const url = `postgresql://postgres:postgres@${container.getHost()}:${container.getPort()}`;
  return {
    url,
    stop: async () => {
      await container.stop();
    },
  };
}

function redactPassword(url: string): string {
  return url.replace(/:\/\/([^:@/]+):[^@/]+@/, '://$1:***@');
}
