import 'reflect-metadata';
import { BENCH_USAGE, parseBenchArgs, UsageError } from './args';
import { buildLibs } from './build-libs';

/** `pnpm bench [--quick] [--only …]`: see BENCH_USAGE. */
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
  buildLibs(log);
  // Loaded only now: they import the libraries from the dist just built.
  const { runBench } = await import('./bench.js');
  const { writeResults } = await import('./results-file.js');
  const { QUICK_SIZES, FULL_SIZES } = await import('./sizes.js');
  const { machine, reports } = await runBench(command.args, log);
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const files = writeResults({
    startedAt,
    quick: command.args.quick,
    seconds,
    machine,
    sizes: command.args.quick ? QUICK_SIZES : FULL_SIZES,
    reports,
  });
  console.log(`results: ${files.json}\nchart:   ${files.svg}`);
  console.log(
    `pnpm bench${command.args.quick ? ' --quick' : ''} finished in ${seconds.toFixed(0)} s`,
  );
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
