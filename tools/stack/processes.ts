import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from './profile';

export interface ServiceProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
}

/**
 * Starts a built service (apps/<name>/dist/main.js); see startProcess. `STACK_NODE_ARGS`
 * (space-separated) goes to each service's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
 * to profile a `pnpm bench` or `pnpm load:orders` run (node refuses --cpu-prof in
 * NODE_OPTIONS); a service writes its profile when it stops.
 */
export function startService(
  name: string,
  env: Readonly<Record<string, string>>,
  stateDir: string,
): ServiceProcess {
  const nodeArgs = (process.env.STACK_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return startProcess(
    name,
    [process.execPath, ...nodeArgs, path.join(REPO_ROOT, 'apps', name, 'dist', 'main.js')],
    env,
    stateDir,
    path.join(REPO_ROOT, 'apps', name),
  );
}

/**
 * Starts a detached process that outlives the launcher, logging to a file and leaving a pid
 * file so that `stack:down` (or the test teardown) can stop it later.
 */
export function startProcess(
  name: string,
  command: readonly [string, ...string[]],
  env: Readonly<Record<string, string>>,
  stateDir: string,
  cwd = REPO_ROOT,
): ServiceProcess {
  const logDir = path.join(stateDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  mkdirSync(pidDir(stateDir), { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const log = openSync(logFile, 'w');
  const [executable, ...args] = command;
  const child = spawn(executable, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  child.unref();
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  writeFileSync(pidFile(stateDir, name), String(child.pid));
  return { name, pid: child.pid, logFile };
}

/** The pid of a service this profile started that is still running, if any. */
export function runningPid(stateDir: string, name: string): number | undefined {
  const file = pidFile(stateDir, name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8'));
  return Number.isInteger(pid) && isAlive(pid) ? pid : undefined;
}

/** SIGTERM (graceful shutdown), then SIGKILL if it has not exited in time. */
export async function stopService(
  stateDir: string,
  name: string,
  timeoutMs = 15_000,
): Promise<boolean> {
  const pid = runningPid(stateDir, name);
  rmSync(pidFile(stateDir, name), { force: true });
  if (pid === undefined) return false;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  return true;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !isZombie(pid);
  } catch {
    return false;
  }
}

/** An exited child not yet reaped still answers signal 0; /proc says whether it is a zombie. */
function isZombie(pid: number): boolean {
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Resolves once GET url answers 2xx; throws with the log tail if the process exits first or
 * the timeout passes.
 */
export async function waitAnswering(
  server: ServiceProcess,
  url: string,
  timeoutMs: number,
  what = server.name,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await answersOk(url))) {
    if (!isAlive(server.pid) || Date.now() > deadline) {
      throw new Error(
        `${what} did not start. Last log lines (${server.logFile}):\n${tail(server.logFile)}`,
      );
    }
    await sleep(200);
  }
}

export async function answersOk(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
    return response.ok;
  } catch {
    return false;
  }
}

export function tail(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function pidDir(stateDir: string): string {
  return path.join(stateDir, 'pids');
}

function pidFile(stateDir: string, name: string): string {
  return path.join(pidDir(stateDir), `${name}.pid`);
}
