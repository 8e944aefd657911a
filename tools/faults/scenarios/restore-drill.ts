import { type DrillPhase, runRestoreDrill } from '../../db/restore-drill';
import { type Scenario } from '../scenario';
import { PLENTY } from './plans';

const ORDERS_PER_PHASE = 10;

/**
 * The restore drill of `pnpm db:backup` / `db:restore` / `db:rewind` (tools/db/restore-drill.ts)
 * on the faults stack. Stock is plentiful: replay re-decides orders placed after the backup,
 * and orders competing for the last units could be decided differently the second time
 * (README → Backup and restore → What a restore loses).
 */
export const restoreDrill: Scenario = {
  name: 'restore-drill',
  title:
    "inventory's database backed up, orders go on, then it is wiped, restored and its consumer groups rewound to the backup's time: it catches up from Kafka",
  quick: false,
  async run({ stack, fixture, load, violation, note }) {
    const fixed = await fixture(PLENTY);
    const placeOrders = async (_phase: DrillPhase): Promise<string[]> => {
      const { placed } = await load(fixed, {
        orders: ORDERS_PER_PHASE,
        concurrency: 4,
        quantity: 1,
      });
      return placed.map((order) => order.id);
    };
    const report = await runRestoreDrill({
      profile: stack.profile,
      placeOrders,
      log: () => undefined,
    });
    for (const found of report.violations) violation('restore-drill', found);
    const { backup, restore, rewind, catchUp } = report.durationsMs;
    note(
      `${report.rewoundMessages} message(s) rewound; backup ${backup} ms, ` +
        `restore ${restore} ms, rewind ${rewind} ms, catch-up ${catchUp} ms` +
        (report.warnings.length ? `; ${report.warnings.join('; ')}` : ''),
    );
  },
};
