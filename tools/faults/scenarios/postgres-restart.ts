import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { type Scenario, ScenarioSkipped } from '../scenario';
import { faultLoad, PLENTY } from './plans';

/**
 * This machine's cluster (the local back end). The containers back end would restart the
 * PostgreSQL container instead; not done yet (README).
 */
function restartLocalCluster(): void {
  let versions: string[];
  try {
    versions = readdirSync('/etc/postgresql');
  } catch {
    throw new ScenarioSkipped('no local PostgreSQL cluster (/etc/postgresql)');
  }
  const [version] = versions;
  if (versions.length !== 1 || version === undefined)
    throw new ScenarioSkipped(
      `expected one cluster version in /etc/postgresql, found ${versions.join(', ')}`,
    );
  try {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
      stdio: 'pipe',
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new ScenarioSkipped(
      `pg_ctlcluster ${version} main restart failed: ${stderr ?? String(error)}`,
    );
  }
}

export const postgresRestart: Scenario = {
  name: 'postgres-restarted',
  title: 'PostgreSQL restarted mid-load (pg_ctlcluster; every service loses its connections)',
  quick: false,
  async run({ fixture, load, quick, note }) {
    if (process.env.POSTGRES_URL)
      throw new ScenarioSkipped('POSTGRES_URL given: not the local cluster, not ours to restart');
    await load(await fixture(PLENTY), faultLoad(quick), () => {
      const started = Date.now();
      restartLocalCluster();
      note(`pg_ctlcluster restart took ${((Date.now() - started) / 1000).toFixed(1)}s`);
      return Promise.resolve();
    });
  },
};
