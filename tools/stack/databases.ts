import path from 'node:path';
import { applyMigrations, dropThrowawayDatabase, ensureDatabase } from '../postgres/migrate';
import { databaseName, databaseUrl, REPO_ROOT, type StackProfile } from './profile';
import { SERVICES } from './services';

/**
 * Creates and migrates each service's database. Throwaway profiles (test, faults, bench) start
 * from empty databases every run, so no run depends on what an earlier one left behind.
 */
export async function prepareDatabases(
  profile: StackProfile,
  log: (line: string) => void,
): Promise<void> {
  for (const service of SERVICES) {
    const database = databaseName(profile, service);
    if (profile.ephemeral) await dropThrowawayDatabase(profile.postgresUrl, database);
    await ensureDatabase(profile.postgresUrl, database);
    const applied = await applyMigrations(
      databaseUrl(profile, service),
      path.join(REPO_ROOT, 'prisma', service.schema, 'migrations'),
    );
    log(`database ${database}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  }
}
