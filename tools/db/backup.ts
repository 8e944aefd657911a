import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { z } from 'zod';
import { withDatabase } from '../postgres/database-url';
import { databaseName, databaseUrl, REPO_ROOT, type StackProfile } from '../stack/profile';
import { type ServiceSpec, SERVICES } from '../stack/services';

export const run = promisify(execFile);

/** What a backup folder holds besides its dumps; the compose `backup` job writes the same. */
const manifestSchema = z.object({
  /** Read before the first dump began: every dump holds at least what was applied by then. */
  takenAt: z.iso.datetime(),
  postgres: z.object({ server: z.string(), pgDump: z.string().optional() }),
  databases: z.record(z.string(), z.object({ database: z.string(), file: z.string() })),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export interface Backup {
  readonly dir: string;
  readonly manifest: BackupManifest;
}

const MANIFEST_FILE = 'manifest.json';

/** `--dir`, else BACKUP_DIR, else backups/ at the repository root. */
export function backupRoot(given: string | undefined, env: NodeJS.ProcessEnv): string {
  return path.resolve(given ?? env.BACKUP_DIR ?? path.join(REPO_ROOT, 'backups'));
}

/** `inventory-service` or `inventory`. */
export function findService(name: string): ServiceSpec {
  const service = SERVICES.find((candidate) => [candidate.name, candidate.schema].includes(name));
  if (!service)
    throw new Error(
      `unknown service "${name}" (one of: ${SERVICES.map((known) => known.name).join(', ')})`,
    );
  return service;
}

/**
 * pg_dump (custom format: compressed, restorable table by table) of every service database of
 * the profile into `<root>/<timestamp>/<service>.dump`, plus the manifest.
 */
export async function backupDatabases(
  profile: StackProfile,
  root: string,
  log: (line: string) => void,
): Promise<Backup> {
  const takenAt = new Date();
  const dir = path.join(root, folderName(takenAt));
  await mkdir(dir, { recursive: true });
  const databases: BackupManifest['databases'] = {};
  for (const service of SERVICES) {
    const file = `${service.name}.dump`;
    await run('pg_dump', [
      '--format=custom',
      `--file=${path.join(dir, file)}`,
      `--dbname=${databaseUrl(profile, service)}`,
    ]);
    databases[service.name] = { database: databaseName(profile, service), file };
    const { size } = await stat(path.join(dir, file));
    log(`${databaseName(profile, service)} → ${path.join(dir, file)} (${size} bytes)`);
  }
  const manifest: BackupManifest = {
    takenAt: takenAt.toISOString(),
    postgres: { server: await serverVersion(profile), pgDump: await pgDumpVersion() },
    databases,
  };
  await writeFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`backup ${dir} taken at ${manifest.takenAt}`);
  return { dir, manifest };
}

/** A backup by its folder path, or by its folder name under the backup root. */
export async function readBackup(root: string, reference: string): Promise<Backup> {
  const dir = [path.resolve(reference), path.join(root, reference)].find((candidate) =>
    existsSync(path.join(candidate, MANIFEST_FILE)),
  );
  if (!dir) throw new Error(`no backup "${reference}" (no ${MANIFEST_FILE} there or in ${root})`);
  const manifest = manifestSchema.safeParse(
    JSON.parse(await readFile(path.join(dir, MANIFEST_FILE), 'utf8')),
  );
  if (!manifest.success)
    throw new Error(
      `${path.join(dir, MANIFEST_FILE)} is not a backup manifest: ${manifest.error.message}`,
    );
  return { dir, manifest: manifest.data };
}

/**
 * Where a rewind goes: an ISO time as given, or a backup's time minus an allowance for what
 * the service had consumed from Kafka but not yet applied when the dump began. Going too far
 * back costs only re-reading (the inbox drops what the dump already holds); too little loses.
 */
export async function rewindTarget(
  root: string,
  reference: string,
  lagAllowanceMs: number,
): Promise<Date> {
  if (ISO_TIME.test(reference)) {
    const time = new Date(reference);
    if (Number.isNaN(time.getTime())) throw new Error(`"${reference}" is not a valid time`);
    return time;
  }
  if (!Number.isFinite(lagAllowanceMs) || lagAllowanceMs < 0)
    throw new Error('the lag allowance must be a number of seconds ≥ 0');
  const { manifest } = await readBackup(root, reference);
  return new Date(new Date(manifest.takenAt).getTime() - lagAllowanceMs);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** ISO time with `-` for `:` (not allowed in every file system), e.g. 2026-11-30T01-02-03.456Z. */
function folderName(time: Date): string {
  return time.toISOString().replaceAll(':', '-');
}

async function serverVersion(profile: StackProfile): Promise<string> {
  const client = new Client({ connectionString: withDatabase(profile.postgresUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

async function pgDumpVersion(): Promise<string> {
  return (await run('pg_dump', ['--version'])).stdout.trim();
}
