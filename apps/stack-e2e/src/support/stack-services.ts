import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { type ServiceKey } from './stack';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

export type StackService = `${ServiceKey}-service`;

/** Stops one service of the stack under test gracefully (`stack stop`, tools/stack). */
export function stopStackService(service: StackService): Promise<void> {
  return stackCommand('stop', service);
}

/** Starts a stopped service of the stack under test; resolves once it reports healthy. */
export function startStackService(service: StackService): Promise<void> {
  return stackCommand('start', service);
}

async function stackCommand(command: 'stop' | 'start', service: StackService): Promise<void> {
  const profile = process.env.E2E_PROFILE ?? 'test';
  // The stack's own CLI, so the service starts with exactly the environment the stack gave it.
  await promisify(execFile)(
    'pnpm',
    ['exec', 'tsx', 'tools/stack/cli.ts', command, service, profile],
    { cwd: REPO_ROOT },
  );
}
