import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../stack/profile';

const LIBS = ['@kafka-commerce/messaging', '@kafka-commerce/events'];

/**
 * Builds the libraries the bench imports from their dist (compiled by tsc, so Nest's
 * decorator metadata is there). Nx caches the build: on an unchanged tree it takes seconds.
 */
export function buildLibs(log: (line: string) => void): void {
  log(`building ${LIBS.join(', ')} (nx, cached)…`);
  try {
    execFileSync('pnpm', ['exec', 'nx', 'run-many', '-t', 'build', '-p', ...LIBS], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (error) {
    const output = error instanceof Error && 'stdout' in error ? String(error.stdout) : '';
    throw new Error(`building the libraries failed:\n${output}`, { cause: error });
  }
}
