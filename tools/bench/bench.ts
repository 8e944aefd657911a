import { resolveProfile, type StackProfile } from '../stack/profile';
import { stackDown, stackUp } from '../stack/stack';
import { type BenchArgs, type ScenarioId } from './args';
import { type Broker, startBroker } from './broker';
import { type BenchContext, type Log } from './context';
import { prepareDatabases } from './database';
import { startJanitor } from './janitor';
import { postOrders } from './post-orders/post-orders';
import {
  formatMachine,
  formatReport,
  machineInfo,
  type MachineInfo,
  type ScenarioReport,
} from './report';
import { saga } from './saga/saga';
import { tracingOverhead } from './saga/tracing-overhead';
import { consumerTransport } from './scenarios/consumer';
import { seedLatency } from './scenarios/seed-latency';
import { seedThroughput } from './scenarios/seed-throughput';
import { type BenchSizes, FULL_SIZES, QUICK_SIZES } from './sizes';
import { awaitCoordinators } from './topic';

export interface BenchOutcome {
  readonly machine: MachineInfo;
  readonly sizes: BenchSizes;
  readonly reports: readonly ScenarioReport[];
}

/**
 * The whole bench: the bench broker and databases from scratch, the in-process scenarios on
 * them, then the bench stack (six services) for the saga and POST /orders. Each table is
 * printed as soon as its scenario is done. Whatever was started is removed at the end, also
 * on failure or Ctrl-C (see janitor.ts).
 */
export async function runBench(args: BenchArgs, log: Log): Promise<BenchOutcome> {
  const profile = resolveProfile('bench', process.env);
  const dismissJanitor = startJanitor(profile);
  // Leave quickly (tsx SIGKILLs a child that lingers); the janitor removes what is left.
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping; the bench stack and broker are removed in the background`);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let broker: Broker | undefined;
  try {
    broker = startBroker(profile, log);
    return await runScenarios(args, profile, broker, log);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    broker?.stop();
    dismissJanitor();
  }
}

async function runScenarios(
  args: BenchArgs,
  profile: StackProfile,
  broker: Broker,
  log: Log,
): Promise<BenchOutcome> {
  const wants = (id: ScenarioId) => args.scenarios.includes(id);
  log('recreating the bench databases…');
  const { databaseUrl, consumerDatabaseUrl, serverVersion } = await prepareDatabases(
    profile.postgresUrl,
  );
  await awaitCoordinators(broker.brokers);
  const sizes = args.quick ? QUICK_SIZES : FULL_SIZES;
  const bench: BenchContext = {
    quick: args.quick,
    sizes,
    brokers: broker.brokers,
    postgresUrl: profile.postgresUrl,
    databaseUrl,
    log,
  };
  const machine = machineInfo(
    broker.description,
    `PostgreSQL ${serverVersion} (${profile.postgresUrl})`,
  );
  console.log(`${formatMachine(machine)}\n`);
  const reports: ScenarioReport[] = [];
  const record = (report: ScenarioReport): void => {
    reports.push(report);
    console.log(formatReport(report));
  };
  if (wants('consumer')) record(await consumerTransport(bench));
  if (wants('seed-throughput')) record(await seedThroughput(bench, consumerDatabaseUrl));
  if (wants('seed-latency')) record(await seedLatency(bench, consumerDatabaseUrl));
  if (wants('saga') || wants('post-orders') || wants('tracing')) {
    log('starting the bench stack (broker restarted empty, databases, six services)…');
    await stackUp(profile, log);
    try {
      await awaitCoordinators(broker.brokers);
      if (wants('saga')) record(await saga(bench, profile));
      if (wants('post-orders')) record(await postOrders(bench, profile));
      if (wants('tracing')) record(await tracingOverhead(bench, profile));
    } finally {
      await stackDown(profile, log);
    }
  }
  return { machine, sizes, reports };
}
