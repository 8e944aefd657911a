import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { machineInfo } from '../bench/report';
import { fileStamp } from '../bench/results-file';
import { REPO_ROOT } from '../stack/profile';
import { correctnessProblems } from './correctness';
import { COMPARE_USAGE, type CompareArgs, parseCompareArgs, UsageError } from './args';
import { renderBarCharts } from './bar-chart';
import { runBrokerComparison } from './brokers';
import { type ComparisonRun, formatComparisonReport, serializationCharts } from './report';
import { runSerializationComparison } from './serialization';

/** `pnpm bench:compare [--quick] [--only …]`: see COMPARE_USAGE. */
async function main(): Promise<void> {
  const command = parseCompareArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    console.log(COMPARE_USAGE);
    return;
  }
  const run = await compare(command.args);
  const files = writeReport(run);
  console.log(`report: ${files.markdown}\nchart:  ${files.svg}`);
  const problems = correctnessProblems(run.brokers, run.serialization);
  if (problems.length > 0) {
    throw new Error(`what must hold did not:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

async function compare(args: CompareArgs): Promise<ComparisonRun> {
  // Progress on stderr; the report goes to a file (and its path to stdout).
  const log = (line: string): void => {
    console.error(`compare: ${line}`);
  };
  const startedAt = new Date();
  const options = { quick: args.quick, log };
  const brokers = args.parts.includes('brokers') ? await runBrokerComparison(options) : undefined;
  const serialization = args.parts.includes('serialization')
    ? await runSerializationComparison(options)
    : undefined;
  const kafka = brokers?.results.find((result) => result.broker.startsWith('Kafka'));
  return {
    startedAt,
    quick: args.quick,
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    machine: machineInfo(kafka?.version ?? 'not used', 'not used'),
    ...(brokers ? { brokers } : {}),
    ...(serialization ? { serialization } : {}),
  };
}

/** bench-results/compare-<time>[-quick].md and .svg beside it. */
function writeReport(run: ComparisonRun): { markdown: string; svg: string } {
  const directory = path.join(REPO_ROOT, 'bench-results');
  mkdirSync(directory, { recursive: true });
  const base = path.join(
    directory,
    `compare-${fileStamp(run.startedAt)}${run.quick ? '-quick' : ''}`,
  );
  const markdown = `${base}.md`;
  const svg = `${base}.svg`;
  const charts = [
    ...(run.brokers?.charts ?? []),
    ...(run.serialization ? serializationCharts(run.serialization) : []),
  ];
  const subtitle = `${run.machine.cpus} cpus, ${run.machine.cpuModel}, node ${run.machine.node}`;
  writeFileSync(
    svg,
    renderBarCharts(`pnpm bench:compare, ${run.startedAt.toISOString()}`, subtitle, charts),
  );
  writeFileSync(markdown, formatComparisonReport(run, path.basename(svg)));
  return { markdown, svg };
}

main().then(
  () => {
    // Client libraries may leave a reconnect timer behind; the comparison is over.
    process.exit(0);
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`compare: ${error.message}\n\n${COMPARE_USAGE}`);
    } else {
      console.error(
        `compare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    process.exit(1);
  },
);
