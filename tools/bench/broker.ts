import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, type StackProfile } from '../stack/profile';

const KAFKA_DIR = path.join(REPO_ROOT, 'tools', 'kafka');
export const KAFKA_SH = path.join(KAFKA_DIR, 'kafka.sh');

/** The brokers the bench talks to, and how to get rid of the one it started. */
export interface Broker {
  readonly brokers: readonly string[];
  /** False when KAFKA_BROKERS named a broker someone else runs. */
  readonly managed: boolean;
  readonly description: string;
  /** Stops and deletes the bench broker (idempotent; a no-op for an external one). */
  stop(): void;
}

/**
 * The bench stack's broker (instance `bench`): started here from empty state for the
 * in-process scenarios, restarted empty by stackUp for the saga, deleted at the end. One
 * instance name and port for both, so they can never be two brokers fighting over one
 * directory. KAFKA_BROKERS (an external profile) is used as it is.
 */
export function startBroker(profile: StackProfile, log: (line: string) => void): Broker {
  if (profile.kafka.external) {
    const { brokers } = profile.kafka;
    return {
      brokers,
      managed: false,
      description: `external broker ${brokers.join(',')}`,
      stop: () => undefined,
    };
  }
  const { instance, port } = profile.kafka;
  log(
    `starting Kafka ${kafkaVersion()} (instance ${instance}, 127.0.0.1:${port}) from clean state…`,
  );
  const stop = (): void => {
    kafkaSh('clean', instance);
  };
  stop();
  try {
    kafkaSh('start', instance, '--port', String(port));
  } catch (error) {
    stop();
    throw error;
  }
  return {
    brokers: [`127.0.0.1:${port}`],
    managed: true,
    description: `Kafka ${kafkaVersion()} single node on 127.0.0.1:${port} (started by the bench)`,
    stop,
  };
}

function kafkaSh(command: 'start' | 'clean', instance: string, ...options: string[]): void {
  // kafka.sh's chatter goes to stderr, with the bench's progress.
  execFileSync('bash', [KAFKA_SH, command, '--name', instance, ...options], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 2, 2],
  });
}

function kafkaVersion(): string {
  const pom = readFileSync(path.join(KAFKA_DIR, 'pom.xml'), 'utf8');
  return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'unknown version';
}
