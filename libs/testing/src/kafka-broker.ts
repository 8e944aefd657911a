import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The project's broker runner (same path from src/ and dist/).
const KAFKA_SCRIPT = path.resolve(__dirname, '../../../tools/kafka/kafka.sh');

/**
 * Starts an empty broker instance of the project's Kafka runner for a test run and returns
 * its bootstrap address. Tests that need to stop and restart a broker get their own instance.
 */
export function startEmptyBroker(name: string, port: number): string {
  execFileSync('bash', [KAFKA_SCRIPT, 'clean', '--name', name], { stdio: 'ignore' });
  startBroker(name, port);
  return `127.0.0.1:${port}`;
}

/** Starts (or restarts, keeping its data) a broker instance. */
export function startBroker(name: string, port: number): void {
  execFileSync('bash', [KAFKA_SCRIPT, 'start', '--name', name, '--port', String(port)], {
    stdio: 'ignore',
  });
}

export function stopBroker(name: string): void {
  execFileSync('bash', [KAFKA_SCRIPT, 'stop', '--name', name], { stdio: 'ignore' });
}

export function removeBroker(name: string): void {
  execFileSync('bash', [KAFKA_SCRIPT, 'clean', '--name', name], { stdio: 'ignore' });
}
