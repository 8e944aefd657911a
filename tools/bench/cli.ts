import 'reflect-metadata';
import { BENCH_USAGE, parseBenchArgs, UsageError } from './args';
import { buildLibs } from './build-libs';

/** `pnpm bench [--events N] [--rounds R] [--timeout S]`: see BENCH_USAGE. */
async function main(): Promise<void> {
  const command = parseBenchArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(BENCH_USAGE);
    return;
  }
  // Progress on stderr; the report (table, then one JSON line) on stdout.
  const log = (line: string): void => {
    console.error(`bench: ${line}`);
  };
  buildLibs(log);
  // Loaded only now: it imports the libraries from the dist just built.
  const { runBench } = await import('./bench.js');
  await runBench(command.args, log);
  log(`done in ${(performance.now() / 1000).toFixed(1)} s`);
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
