import { getContainerRuntimeClient } from 'testcontainers';

/**
 * Where the suites' Kafka and PostgreSQL come from: `containers` (testcontainers, what users
 * with Docker get) or `local` (the project's Kafka runner on this machine's Java, and the
 * PostgreSQL server at POSTGRES_URL). `TEST_BACKEND` chooses; unset, Docker decides.
 */
export type TestBackend = 'containers' | 'local';

export async function resolveTestBackend(env: NodeJS.ProcessEnv): Promise<TestBackend> {
  const chosen = env.TEST_BACKEND;
  if (chosen === 'containers' || chosen === 'local') return chosen;
  if (chosen) throw new Error(`TEST_BACKEND must be "containers" or "local", not "${chosen}"`);
  return (await dockerAnswers()) ? 'containers' : 'local';
}

async function dockerAnswers(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** The image a container back end runs: overridable like the compose file's images. */
export function imageOf(kind: 'kafka' | 'postgres', env: NodeJS.ProcessEnv): string {
  return kind === 'kafka'
    ? (env.KAFKA_IMAGE ?? 'apache/kafka:3.9.1')
    : (env.POSTGRES_IMAGE ?? 'postgres:15');
}
