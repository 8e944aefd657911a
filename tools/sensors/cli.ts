import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  databaseUrl,
  isProfileName,
  PROFILE_NAMES,
  type ProfileName,
  resolveProfile,
} from '../stack/profile';
import { SERVICES } from '../stack/services';
import { archiveReadings, isDay } from './archive';

const DEFAULT_RETENTION_DAYS = 30;
const USAGE = `usage:
  sensors archive [--before <YYYY-MM-DD>] [--out <dir>] [${PROFILE_NAMES.join('|')}] [--database-url <url>]

Writes analytics-service's raw sensor readings of every UTC day before --before to
<dir>/sensor-readings-<day>.ndjson.gz (default dir: ./archive) and deletes them from the
database, one transaction per day. Without --before: today minus SENSOR_READINGS_RETENTION_DAYS
(default ${DEFAULT_RETENTION_DAYS}) days. The database is the stack profile's (default dev, on
POSTGRES_URL or the local server), or --database-url. Safe to re-run; windows are kept.`;

/** `pnpm sensors:archive`. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    allowPositionals: true,
    options: {
      before: { type: 'string' },
      out: { type: 'string', default: 'archive' },
      'database-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, profileName] = positionals;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (command !== 'archive') throw new Error(USAGE);
  const before = values.before ?? retentionCutoff(process.env, new Date());
  if (!isDay(before)) throw new Error(`--before must be a day, YYYY-MM-DD\n${USAGE}`);
  await archiveReadings({
    databaseUrl: values['database-url'] ?? analyticsDatabaseUrl(profileOf(profileName)),
    before,
    outDir: path.resolve(values.out ?? 'archive'),
    log: (line) => {
      console.log(line);
    },
  });
}

function analyticsDatabaseUrl(profile: ProfileName): string {
  const analytics = SERVICES.find((service) => service.schema === 'analytics');
  if (!analytics) throw new Error('no analytics service in tools/stack/services.ts');
  return databaseUrl(resolveProfile(profile, process.env), analytics);
}

/** Today (UTC) minus the retention: readings of that day and later are kept. */
function retentionCutoff(env: NodeJS.ProcessEnv, now: Date): string {
  const days = Number(env.SENSOR_READINGS_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS);
  if (!Number.isInteger(days) || days < 0) {
    throw new Error('SENSOR_READINGS_RETENTION_DAYS must be a whole number of days');
  }
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

function profileOf(name: string | undefined): ProfileName {
  const profile = name ?? 'dev';
  if (!isProfileName(profile)) throw new Error(`unknown profile "${profile}"\n${USAGE}`);
  return profile;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
