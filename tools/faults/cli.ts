import path from 'node:path';
import { REPO_ROOT } from '../stack/profile';
import { stackDown, stackUp } from '../stack/stack';
import { FAULTS_USAGE, parseFaultArgs, UsageError } from './args';
import { FaultStack } from './fault-stack';
import { failureSummary, formatTable, writeJson } from './report';
import { runScenario, type ScenarioResult } from './runner';
import { SCENARIOS } from './scenarios';

/** `pnpm test:faults`: fault drills against a stack of its own, invariants checked after each. */
async function main(): Promise<number> {
  const command = parseFaultArgs(
    process.argv.slice(2),
    SCENARIOS.map((s) => s.name),
  );
  if (command.kind !== 'run') {
    if (command.kind === 'help') console.log(FAULTS_USAGE);
    else
      for (const s of SCENARIOS)
        console.log(`${s.name.padEnd(24)} ${s.quick ? 'quick' : 'full '}  ${s.title}`);
    return 0;
  }
  const { args } = command;
  const selected = SCENARIOS.filter((scenario) => {
    if (args.scenarios.length > 0) return args.scenarios.includes(scenario.name);
    return !args.quick || scenario.quick;
  });
  const stack = new FaultStack(args.brokers);
  const log = (line: string): void => {
    console.log(line);
  };
  const results: ScenarioResult[] = [];
  try {
    if (!args.useRunning) await stackUp(stack.profile, log);
    for (const scenario of selected) {
      log(`\n▶ ${scenario.name}: ${scenario.title}`);
      const result = await runScenario(stack, scenario, args.quick);
      log(
        `  ${result.outcome}: ${result.placed} placed, ${result.violations.length} violation(s), ` +
          `settled in ${result.settleSeconds}s (${result.seconds}s in all)`,
      );
      results.push(result);
    }
  } finally {
    await stack.close();
    if (!args.useRunning) await stackDown(stack.profile, () => undefined);
  }
  const file =
    args.jsonFile ??
    path.join(
      REPO_ROOT,
      '.stack',
      'faults',
      `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
  writeJson(file, args.quick ? 'quick' : 'full', results);
  console.log(`\n${formatTable(results)}\n\nresults: ${path.relative(process.cwd(), file)}`);
  const failure = failureSummary(results);
  if (failure) console.error(`\ntest:faults FAILED: ${failure}`);
  return failure ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof UsageError ? `${error.message}\n\n${FAULTS_USAGE}` : error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
