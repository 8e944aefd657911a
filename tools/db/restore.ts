import { existsSync } from 'node:fs';
import path from 'node:path';
import { runningPid } from '../stack/processes';
import { databaseName, databaseUrl, type StackProfile } from '../stack/profile';
import { type ServiceSpec } from '../stack/services';
import { type Backup, run } from './backup';
import { quoteIdentifier, withAdminClient } from '../postgres/migrate';

/**
 * Replaces a service's database with its dump from a backup: drop, create, pg_restore. Refuses
 * while the service (or anything else) is connected to it, rather than cutting it off mid-work.
 */
export async function restoreDatabase(
  profile: StackProfile,
  service: ServiceSpec,
  backup: Backup,
  log: (line: string) => void,
): Promise<void> {
  const dump = dumpOf(service, backup);
  await refuseWhileInUse(profile, service);
  const database = databaseName(profile, service);
  await withAdminClient(profile.postgresUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)}`);
    await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  });
  // Owners and grants are the source server's; the restoring user owns what it creates.
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    `--dbname=${databaseUrl(profile, service)}`,
    dump,
  ]);
  log(`${database} restored from ${dump} (taken at ${backup.manifest.takenAt})`);
}

function dumpOf(service: ServiceSpec, backup: Backup): string {
  const entry = backup.manifest.databases[service.name];
  if (!entry) throw new Error(`backup ${backup.dir} holds no database of ${service.name}`);
  const dump = path.join(backup.dir, entry.file);
  if (!existsSync(dump)) throw new Error(`backup ${backup.dir} lacks ${entry.file}`);
  return dump;
}

async function refuseWhileInUse(profile: StackProfile, service: ServiceSpec): Promise<void> {
  const pid = runningPid(profile.stateDir, service.name);
  if (pid !== undefined)
    throw new Error(
      `${service.name} is running (pid ${pid}); stop it first: pnpm exec tsx tools/stack/cli.ts stop ${service.name} ${profile.name}`,
    );
  const database = databaseName(profile, service);
  await withAdminClient(profile.postgresUrl, async (admin) => {
    const { rows } = await admin.query<{ pid: number; application_name: string }>(
      'SELECT pid, application_name FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    if (rows.length > 0)
      throw new Error(
        `${database} has ${rows.length} open connection(s) (${rows
          .map((row) => `pid ${row.pid} ${row.application_name}`.trim())
          .join(', ')}); stop ${service.name} and whatever else uses it first`,
      );
  });
}
