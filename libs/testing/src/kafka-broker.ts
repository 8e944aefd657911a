import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startKafkaContainer } from './kafka-container';
import { type TestBackend } from './test-backend';
import { type TestBroker } from './test-broker';

const run = promisify(execFile);

// The project's broker runner (same path from src/ and dist/).
const KAFKA_SCRIPT = path.resolve(__dirname, '../../../tools/kafka/kafka.sh');

export interface TestBrokerOptions {
  /** Names the broker (the local runner's instance). */
  readonly name: string;
  /** The local runner's client port (the controller takes the next one). */
  readonly localPort: number;
}

/**
 * Starts an empty broker on the chosen back end: a Kafka container (port picked free), or an
 * instance of tools/kafka/kafka.sh on `localPort`.
 */
export async function startTestBroker(
  backend: TestBackend,
  { name, localPort }: TestBrokerOptions,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestBroker> {
  return backend === 'containers' ? startKafkaContainer(env) : startLocalBroker(name, localPort);
}

async function startLocalBroker(name: string, port: number): Promise<TestBroker> {
  const kafka = (...args: string[]) => run('bash', [KAFKA_SCRIPT, ...args, '--name', name]);
  const start = async () => {
    await kafka('start', '--port', String(port));
  };
  await kafka('clean');
  await start();
  return {
    brokers: [`127.0.0.1:${port}`],
    start,
    stop: async () => {
      await kafka('stop');
    },
    remove: async () => {
      await kafka('clean');
    },
  };
}
