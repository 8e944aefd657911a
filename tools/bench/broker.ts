import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../stack/profile';

const KAFKA_DIR = path.join(REPO_ROOT, 'tools', 'kafka');
const KAFKA_SH = path.join(KAFKA_DIR, 'kafka.sh');
const INSTANCE = 'bench';
const PORT = 59092;

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
 * Uses KAFKA_BROKERS when set; otherwise starts the `bench` instance of tools/kafka/kafka.sh
 * from empty state, so every run measures the same broker with nothing else on it.
 */
export function startBroker(env: NodeJS.ProcessEnv, log: (line: string) => void): Broker {
  const given = env.KAFKA_BROKERS?.split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (given?.length) {
    return {
      brokers: given,
      managed: false,
      description: `external broker ${given.join(',')}`,
      stop: () => undefined,
    };
  }
  log(
    `starting Kafka ${kafkaVersion()} (instance ${INSTANCE}, 127.0.0.1:${PORT}) from clean state…`,
  );
  kafkaSh('clean');
  const dismissJanitor = startJanitor();
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    dismissJanitor();
    kafkaSh('clean');
  };
  try {
    kafkaSh('start', '--port', String(PORT));
  } catch (error) {
    stop();
    throw error;
  }
  return {
    brokers: [`127.0.0.1:${PORT}`],
    managed: true,
    description: `Kafka ${kafkaVersion()} single node on 127.0.0.1:${PORT} (started by the bench)`,
    stop,
  };
}

/**
 * Removes the bench broker once this process is gone, however it ends. No handler in here
 * can be relied on for that: on Ctrl-C, tsx SIGKILLs a child that has not answered within
 * 60 ms, which a busy event loop does not. The janitor runs in its own session, so Ctrl-C
 * does not reach it; it exits after cleaning up, or when dismissed after a normal stop.
 */
function startJanitor(): () => void {
  const janitor = spawn(
    'bash',
    [
      '-c',
      'while kill -0 "$1" 2>/dev/null; do sleep 0.5; done; exec bash "$2" clean --name "$3"',
      'bench-broker-janitor',
      String(process.pid),
      KAFKA_SH,
      INSTANCE,
    ],
    { detached: true, stdio: 'ignore' },
  );
  janitor.unref();
  return () => {
    // Its own process group (detached): the loop and its `sleep` go together.
    if (janitor.pid !== undefined && janitor.exitCode === null) {
      try {
        process.kill(-janitor.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
}

function kafkaSh(command: 'start' | 'clean', ...options: string[]): void {
  // kafka.sh's chatter goes to stderr, with the bench's progress.
  execFileSync(
    'bash',
    [path.join(KAFKA_DIR, 'kafka.sh'), command, '--name', INSTANCE, ...options],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 2, 2],
    },
  );
}

function kafkaVersion(): string {
  const pom = readFileSync(path.join(KAFKA_DIR, 'pom.xml'), 'utf8');
  return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'unknown version';
}
