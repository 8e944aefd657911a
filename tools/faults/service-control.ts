import path from 'node:path';
import { waitFor } from '@kafka-commerce/testing';
import { serviceSpec } from '../load/http-client';
import { isAlive, runningPid, startProcess, stopService } from '../stack/processes';
import { REPO_ROOT, servicePort } from '../stack/profile';
import { restartService, serviceEnv } from '../stack/stack';
import { type ServiceName } from '@kafka-commerce/events';
import { type FaultStack } from './fault-stack';

/** A second instance of a service: same database and groups, its own HTTP port and logs. */
export interface ExtraInstance {
  readonly service: ServiceName;
  readonly processName: string;
  readonly url: string;
}

const EXTRA_PORT_OFFSET = 50;

export function pidOf(stack: FaultStack, service: string): number {
  const pid = runningPid(stack.profile.stateDir, service);
  if (pid === undefined) throw new Error(`${service} is not running`);
  return pid;
}

/** kill -9: no shutdown hook runs, in-flight work is lost mid-transaction. */
export async function killHard(stack: FaultStack, service: string): Promise<void> {
  const pid = pidOf(stack, service);
  process.kill(pid, 'SIGKILL');
  await waitFor(() => Promise.resolve(isAlive(pid) ? undefined : true), {
    description: `${service} (pid ${pid}) to die`,
  });
}

/** Starts a service of the stack again (after a kill) and waits until it is healthy. */
export async function startAgain(stack: FaultStack, service: ServiceName): Promise<void> {
  await restartService(stack.profile, service, () => undefined);
}

export async function startExtraInstance(
  stack: FaultStack,
  service: ServiceName,
): Promise<ExtraInstance> {
  const spec = serviceSpec(service);
  const port = servicePort(stack.profile, spec) + EXTRA_PORT_OFFSET;
  const processName = `${service}-2`;
  const started = startProcess(
    processName,
    [process.execPath, path.join(REPO_ROOT, 'apps', service, 'dist', 'main.js')],
    { ...serviceEnv(stack.profile, spec), PORT: String(port) },
    stack.profile.stateDir,
    path.join(REPO_ROOT, 'apps', service),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (!isAlive(started.pid)) throw new Error(`${processName} exited (log: ${started.logFile})`);
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(4000) });
      return response.ok || undefined;
    },
    { timeoutMs: 90_000, intervalMs: 250, description: `${processName} to be healthy` },
  );
  return { service, processName, url };
}

/** Stops an extra instance gracefully (SIGTERM), whether or not it still runs. */
export async function stopExtraInstance(stack: FaultStack, instance: ExtraInstance): Promise<void> {
  await stopService(stack.profile.stateDir, instance.processName);
}
