import { parseArgs } from 'node:util';
import { type BrokerCount, isBrokerCount } from '../stack/profile';

export interface FaultArgs {
  /** The CI profile: a subset of the scenarios with smaller loads. */
  readonly quick: boolean;
  /** Only these scenarios (by name), in registry order; empty: all of the profile. */
  readonly scenarios: readonly string[];
  /** Where the results are written as JSON; undefined: .stack/faults/results-<timestamp>.json. */
  readonly jsonFile: string | undefined;
  /** Use the faults stack that is already up instead of starting (and stopping) one. */
  readonly useRunning: boolean;
  /** Brokers of the stack's Kafka: one, or the three-node cluster. */
  readonly brokers: BrokerCount;
}

export type FaultCommand =
  { readonly kind: 'help' | 'list' } | { readonly kind: 'run'; readonly args: FaultArgs };

export class UsageError extends Error {}

export const FAULTS_USAGE = `Usage: pnpm test:faults [--quick] [--scenario NAME]... [--json FILE] [--use-running]
                       [--brokers 1|3]

Starts the faults stack (services on 32xx, Kafka on 29192, databases kc_*_faults), runs each
scenario (a bounded load of orders with a fault injected mid-load), awaits quiescence, checks
the invariants of design.md §8, prints a table and writes it as JSON. Exits non-zero naming
the scenario and the invariant that broke.

  --quick          the CI profile: a subset of the scenarios, smaller loads
  --scenario NAME  run only this scenario (repeatable); see --list
  --list           print the scenarios and exit
  --json FILE      write the results here (default .stack/faults/results-<timestamp>.json)
  --use-running    use the faults stack already up (pnpm stack:up faults); leave it running
  --brokers 3      run on a three-broker cluster (replication 3, min.insync.replicas 2); adds
                   the drill that kills the partition leader's broker`;

export function parseFaultArgs(argv: readonly string[], known: readonly string[]): FaultCommand {
  // `pnpm test:faults -- --quick` passes the separator through.
  const args = argv[0] === '--' ? argv.slice(1) : [...argv];
  let values: {
    quick?: boolean;
    scenario?: string[];
    json?: string;
    'use-running'?: boolean;
    brokers?: string;
    list?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        quick: { type: 'boolean' },
        scenario: { type: 'string', multiple: true },
        json: { type: 'string' },
        'use-running': { type: 'boolean' },
        brokers: { type: 'string', default: '1' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };
  if (values.list) return { kind: 'list' };
  const scenarios = values.scenario ?? [];
  const unknown = scenarios.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new UsageError(`unknown scenario ${unknown.join(', ')} (one of: ${known.join(', ')})`);
  const brokers = Number(values.brokers);
  if (!isBrokerCount(brokers))
    throw new UsageError(`--brokers must be 1 or 3, not ${values.brokers}`);
  return {
    kind: 'run',
    args: {
      quick: values.quick ?? false,
      scenarios,
      jsonFile: values.json,
      useRunning: values['use-running'] ?? false,
      brokers,
    },
  };
}
