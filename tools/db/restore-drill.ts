import path from 'node:path';
import { waitFor } from '@kafka-commerce/testing';
import { runningPid } from '../stack/processes';
import { databaseName, kafkaBrokers, type StackProfile } from '../stack/profile';
import { startOneService, stopOneService } from '../stack/stack';
import { backupDatabases, findService } from './backup';
import { dropThrowawayDatabase } from '../postgres/migrate';
import { restoreDatabase } from './restore';
import {
  awaitQuiescence,
  countOrders,
  invariantViolations,
  type OrderCounts,
} from './restore-drill-checks';
import { liveMembers, rewindConsumerGroups } from './rewind';

/** When the drill asks for orders: the backup must miss some decisions and see others. */
export type DrillPhase = 'before-backup' | 'during-backup' | 'after-backup' | 'while-stopped';

export interface RestoreDrillOptions {
  /** A throwaway profile (test, faults, bench) whose stack is running. */
  readonly profile: StackProfile;
  /** Places some orders through the API and returns their ids once each was accepted (202). */
  readonly placeOrders: (phase: DrillPhase) => Promise<readonly string[]>;
  readonly log: (line: string) => void;
  /** Back to the backup's time minus this, as `pnpm db:rewind` does (default 300 s). */
  readonly lagAllowanceMs?: number;
  /** false only to show that the checks catch a restore without a rewind. */
  readonly rewind?: boolean;
  readonly settleTimeoutMs?: number;
}

export interface RestoreDrillReport {
  readonly backupTakenAt: string;
  readonly ordersPlaced: Readonly<Partial<Record<DrillPhase, number>>>;
  readonly outcome: OrderCounts;
  /** Messages inventory-service's groups were moved back by, over every partition. */
  readonly rewoundMessages: number;
  readonly durationsMs: Readonly<Record<'backup' | 'restore' | 'rewind' | 'catchUp', number>>;
  readonly warnings: readonly string[];
  readonly violations: readonly string[];
}

const INVENTORY = findService('inventory');

/**
 * The restore drill of inventory-service: orders before, during and after a backup of its
 * database; the service stopped, more orders; its database wiped and restored from the
 * backup; its consumer groups rewound to the backup's time; the service started again. Its
 * inbox must drop what the backup already held, it must apply the rest, and afterwards the
 * stock must match the orders exactly.
 */
export async function runRestoreDrill(options: RestoreDrillOptions): Promise<RestoreDrillReport> {
  const { profile, placeOrders, log } = options;
  if (!profile.ephemeral) throw new Error(`the drill wipes databases: not on ${profile.name}`);
  const placed = new Map<DrillPhase, readonly string[]>();
  const place = async (phase: DrillPhase, settle: boolean): Promise<void> => {
    placed.set(phase, await placeOrders(phase));
    if (settle) await awaitQuiescence(profile, allOf(placed), settleTimeoutOf(options));
  };
  await place('before-backup', true);
  const backupStarted = Date.now();
  const [backup] = await Promise.all([
    backupDatabases(profile, path.join(profile.stateDir, 'backups'), log),
    place('during-backup', false),
  ]);
  const backupMs = Date.now() - backupStarted;
  await place('after-backup', true);
  try {
    await stopOneService(profile, INVENTORY.name, log);
    await awaitGroupsEmpty(profile);
    await place('while-stopped', false);
    const restoreStarted = Date.now();
    await dropThrowawayDatabase(profile.postgresUrl, databaseName(profile, INVENTORY));
    await restoreDatabase(profile, INVENTORY, backup, log);
    const rewindStarted = Date.now();
    const to = new Date(Date.parse(backup.manifest.takenAt) - (options.lagAllowanceMs ?? 300_000));
    const rewind =
      options.rewind === false
        ? { groups: [], warnings: [] }
        : await rewindConsumerGroups(kafkaBrokers(profile), INVENTORY, to);
    const [restoreMs, rewindMs] = [rewindStarted - restoreStarted, Date.now() - rewindStarted];
    await startOneService(profile, INVENTORY.name, log);
    const catchUpStarted = Date.now();
    // Not quiet in time is a finding too (say, an order stuck PENDING): check and report it.
    const notQuiet = await awaitQuiescence(profile, allOf(placed), settleTimeoutOf(options)).then(
      () => [],
      (error: unknown) => [String(error)],
    );
    const ids = allOf(placed);
    return {
      backupTakenAt: backup.manifest.takenAt,
      ordersPlaced: Object.fromEntries([...placed].map(([phase, ids]) => [phase, ids.length])),
      outcome: await countOrders(profile, ids),
      rewoundMessages: rewind.groups
        .flatMap((group) => group.partitions)
        .reduce((sum, { from, to: back }) => sum + from - back, 0),
      durationsMs: {
        backup: backupMs,
        restore: restoreMs,
        rewind: rewindMs,
        catchUp: Date.now() - catchUpStarted,
      },
      warnings: rewind.warnings,
      violations: [...notQuiet, ...(await invariantViolations(profile, ids))],
    };
  } finally {
    // Whatever failed, leave the stack as it was found: inventory-service running.
    if (runningPid(profile.stateDir, INVENTORY.name) === undefined)
      await startOneService(profile, INVENTORY.name, log).catch((error: unknown) => {
        log(`inventory-service did not start again: ${String(error)}`);
      });
  }
}

/** A stopped service's members leave at once (graceful shutdown); wait until they have. */
function awaitGroupsEmpty(profile: StackProfile): Promise<true> {
  return waitFor(
    async () => ((await liveMembers(kafkaBrokers(profile), INVENTORY)) === 0 ? true : undefined),
    { timeoutMs: 30_000, description: 'inventory-service consumer groups to be empty' },
  );
}

function allOf(placed: ReadonlyMap<DrillPhase, readonly string[]>): string[] {
  return [...placed.values()].flat();
}

function settleTimeoutOf(options: RestoreDrillOptions): number {
  return options.settleTimeoutMs ?? 60_000;
}
