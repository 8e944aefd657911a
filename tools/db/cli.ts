import { parseArgs } from 'node:util';
import { prepareDatabases } from '../stack/databases';
import {
  databaseName,
  isProfileName,
  kafkaBrokers,
  PROFILE_NAMES,
  type ProfileName,
  resolveProfile,
} from '../stack/profile';
import { backupDatabases, backupRoot, findService, readBackup, rewindTarget } from './backup';
import { restoreDatabase } from './restore';
import { rewindConsumerGroups } from './rewind';

const DEFAULT_LAG_ALLOWANCE_SECONDS = 300;
const PROFILES = `[${PROFILE_NAMES.join('|')}]`;
const USAGE = `usage:
  db migrate ${PROFILES}
  db backup ${PROFILES} [--dir <backups>]
  db restore <service> <backup> ${PROFILES} [--dir <backups>]
  db rewind <service> <backup|ISO time> ${PROFILES} [--dir <backups>] [--lag-allowance <s>] [--dry-run]

<backup> is a backup folder, or its name under --dir (default $BACKUP_DIR or backups/).
rewind moves the service's consumer groups back to the backup's time minus --lag-allowance
(default ${DEFAULT_LAG_ALLOWANCE_SECONDS} s: what the service had not applied yet when the dump began);
an ISO time is taken as it is.`;

const log = (line: string): void => {
  console.log(line);
};

/** `pnpm db:migrate`, `pnpm db:backup`, `pnpm db:restore`, `pnpm db:rewind`. */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      'lag-allowance': { type: 'string', default: String(DEFAULT_LAG_ALLOWANCE_SECONDS) },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  const root = backupRoot(values.dir, process.env);
  switch (command ?? '') {
    case 'migrate':
      await prepareDatabases(resolveProfile(profileOf(rest[0]), process.env), log);
      return;
    case 'backup':
      await backupDatabases(resolveProfile(profileOf(rest[0]), process.env), root, log);
      return;
    case 'restore': {
      const [serviceName, reference, profileName] = required(rest, 2);
      const profile = resolveProfile(profileOf(profileName), process.env);
      await restoreDatabase(
        profile,
        findService(serviceName),
        await readBackup(root, reference),
        log,
      );
      return;
    }
    case 'rewind': {
      const [serviceName, reference, profileName] = required(rest, 2);
      const profile = resolveProfile(profileOf(profileName), process.env);
      const service = findService(serviceName);
      const to = await rewindTarget(root, reference, Number(values['lag-allowance']) * 1000);
      const report = await rewindConsumerGroups(kafkaBrokers(profile), service, to, {
        dryRun: values['dry-run'],
      });
      for (const { groupId, topic, partitions } of report.groups)
        log(
          `${groupId} ${topic}: ${partitions.map((p) => `[${p.partition}] ${p.from}→${p.to}`).join(' ')}`,
        );
      for (const warning of report.warnings) log(`warning: ${warning}`);
      log(
        `${values['dry-run'] ? 'would rewind' : 'rewound'} ${service.name} (${databaseName(profile, service)}) to ${to.toISOString()}`,
      );
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

function profileOf(name: string | undefined): ProfileName {
  const profile = name ?? 'dev';
  if (!isProfileName(profile)) throw new Error(`unknown profile "${profile}"\n${USAGE}`);
  return profile;
}

function required(args: readonly string[], count: number): [string, string, string | undefined] {
  const [first, second, third] = args;
  if (args.length < count || first === undefined || second === undefined) throw new Error(USAGE);
  return [first, second, third];
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
