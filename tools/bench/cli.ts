import 'reflect-metadata';
import { BENCH_USAGE, parseBenchArgs, UsageError } from './args';
import { runBench } from './bench';
import { writeResults } from './results-file';

/**
 * `pnpm bench [--quick] [--only …]`: see BENCH_USAGE. `pnpm bootstrap` (run first by the
 * script) has built the libraries this imports from their dist.
 */
async function main(): Promise<void> {
  const command = parseBenchArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(BENCH_USAGE);
    return;
  }
  // Progress on stderr; the tables on stdout.
  const log = (line: string): void => {
    console.error(`bench: ${line}`);
  };
  const startedAt = new Date();
  const { machine, sizes, reports } = await runBench(command.args, log);
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const quick = command.args.quick;
  const files = writeResults({ startedAt, quick, seconds, machine, sizes, reports });
  console.log(`results: ${files.json}\nchart:   ${files.svg}`);
  console.log(`pnpm bench${quick ? ' --quick' : ''} finished in ${seconds.toFixed(0)} s`);
}

main().then(
  () => {
    // kafkajs and pg leave no work behind, but a stray timer must not keep the bench alive.
    process.exit(0);
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`bench: ${error.message}\n\n${BENCH_USAGE}`);
    } else {
      console.error(
        `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    process.exit(1);
  },
);
