import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startProcess, stopService, waitAnswering } from './processes';
import { prometheusConfig } from './prometheus-config';
import { prometheusUrl, REPO_ROOT, type StackProfile } from './profile';

const ZIPKIN_SCRIPT = path.join(REPO_ROOT, 'tools', 'zipkin', 'zipkin.sh');
const PROMETHEUS_SCRIPT = path.join(REPO_ROOT, 'tools', 'prometheus', 'prometheus.sh');
const PROMETHEUS = 'prometheus';
const PROMETHEUS_READY_TIMEOUT_MS = 30_000;

/**
 * Fetches the Zipkin jar (Maven Central) and installs Debian's prometheus if missing, so that
 * a fresh clone's `pnpm stack:up` needs nothing else. Both are no-ops once done.
 */
export function installObservability(): void {
  for (const script of [ZIPKIN_SCRIPT, PROMETHEUS_SCRIPT]) {
    execFileSync('bash', [script, 'install'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

/** Starts the stack's Zipkin and Prometheus side by side; resolves once both answer. */
export async function startObservability(profile: StackProfile): Promise<void> {
  await Promise.all([startZipkin(profile), startPrometheus(profile)]);
}

/** Stops both; safe when neither runs. */
export async function stopObservability(profile: StackProfile): Promise<void> {
  await Promise.all([zipkin(profile, 'stop'), stopService(profile.stateDir, PROMETHEUS)]);
}

async function startZipkin(profile: StackProfile): Promise<void> {
  // Spans live in Zipkin's memory: a throwaway profile starts from none, like its broker.
  if (profile.ephemeral) await zipkin(profile, 'stop');
  await zipkin(profile, 'start', '--port', String(profile.zipkin.port));
}

/** zipkin.sh keeps the same pid and log layout as startProcess: <stateDir>/{pids,logs}/zipkin.*. */
async function zipkin(profile: StackProfile, command: string, ...args: string[]): Promise<void> {
  try {
    await promisify(execFile)('bash', [ZIPKIN_SCRIPT, command, '--name', profile.name, ...args], {
      env: { ...process.env, ZIPKIN_STATE_DIR: path.dirname(profile.stateDir) },
    });
  } catch (error) {
    // The script's stderr says why (and carries Zipkin's log tail when it did not start).
    const stderr = stderrOf(error);
    throw new Error(`zipkin ${command} failed${stderr ? `:\n${stderr}` : ''}`, { cause: error });
  }
}

function stderrOf(error: unknown): string {
  const stderr = error instanceof Error && 'stderr' in error ? error.stderr : undefined;
  return typeof stderr === 'string' ? stderr.trim() : '';
}

async function startPrometheus(profile: StackProfile): Promise<void> {
  await stopService(profile.stateDir, PROMETHEUS);
  const dir = path.join(profile.stateDir, 'prometheus');
  const dataDir = path.join(dir, 'data');
  if (profile.ephemeral) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const configFile = path.join(dir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig(profile));
  const server = startProcess(
    PROMETHEUS,
    [
      'prometheus',
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${profile.prometheus.port}`,
      // POST /-/reload picks up edited rule files without a restart.
      '--web.enable-lifecycle',
    ],
    {},
    profile.stateDir,
  );
  await waitAnswering(server, `${prometheusUrl(profile)}/-/ready`, PROMETHEUS_READY_TIMEOUT_MS);
}
