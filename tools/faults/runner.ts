import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { deadLetterCounts, deadLetterReasons } from './broker';
import { SERVICE_NAMES } from '@kafka-commerce/events';
import { type FaultStack } from './fault-stack';
import { checkInvariants, takeBaseline } from './invariants';
import {
  createFixture,
  type Customer,
  type PlacedOrder,
  runLoad,
  type StockedProduct,
} from './load';
import { awaitQuiescence } from './quiescence';
import { type Scenario, type ScenarioContext, ScenarioSkipped, type Violation } from './scenario';
import { runningPid } from '../stack/processes';
import { REPO_ROOT } from '../stack/profile';
import { startAgain } from './service-control';

export interface ScenarioResult {
  readonly scenario: string;
  readonly outcome: 'passed' | 'failed' | 'skipped';
  readonly placed: number;
  readonly confirmed: number;
  readonly cancelled: number;
  readonly stuck: number;
  readonly violations: readonly Violation[];
  /** Messages written to dead-letter topics during the scenario, by topic. */
  readonly deadLetters: Readonly<Record<string, number>>;
  /** Why they were dead-lettered: "<consumer>: <reason> (<error>)" → how many. */
  readonly deadLetterReasons: Readonly<Record<string, number>>;
  readonly settleSeconds: number;
  readonly seconds: number;
  /** Requests the load sent again after no answer or a 5xx (while the fault was on). */
  readonly retried: number;
  readonly notes: readonly string[];
}

const QUIESCENCE_DEADLINE_MS = 180_000;
const KAFKA_SCRIPT = path.join(REPO_ROOT, 'tools', 'kafka', 'kafka.sh');

export async function runScenario(
  stack: FaultStack,
  scenario: Scenario,
  quick: boolean,
): Promise<ScenarioResult> {
  const started = Date.now();
  await heal(stack);
  const tracked = {
    orders: [] as PlacedOrder[],
    customers: [] as Customer[],
    products: [] as StockedProduct[],
  };
  const violations: Violation[] = [];
  const notes: string[] = [];
  const orderUrls = [stack.url('order-service')];
  const checks: (() => Promise<void>)[] = [];
  let retried = 0;
  const context: ScenarioContext = {
    stack,
    quick,
    fixture: async (plan) => {
      const fixture = await createFixture(stack, plan);
      tracked.customers.push(...fixture.customers);
      tracked.products.push(...fixture.products);
      return fixture;
    },
    load: async (fixture, plan, fault) => {
      const onPlaced = (order: PlacedOrder) => void tracked.orders.push(order);
      const result = await runLoad(fixture, plan, { orderUrls: () => orderUrls, onPlaced }, fault);
      retried += result.retried;
      for (const refusal of result.refused)
        violations.push({ invariant: 'orders-accepted', detail: refusal });
      return result;
    },
    addOrderServiceUrl: (url) => void orderUrls.push(url),
    removeOrderServiceUrl: (url) => void orderUrls.splice(orderUrls.indexOf(url), 1),
    atQuiescence: (check) => void checks.push(check),
    violation: (invariant, detail) => void violations.push({ invariant, detail }),
    note: (text) => void notes.push(text),
  };
  const [baseline, deadBefore] = [await takeBaseline(stack), await deadLetterCounts(stack)];
  try {
    await scenario.run(context);
  } catch (error) {
    if (error instanceof ScenarioSkipped) return skipped(scenario, error.message, started);
    violations.push({ invariant: 'scenario-completes', detail: describe(error) });
  }
  const loadOver = Date.now();
  // A service that exited on its own never lets the stack come to rest: no use waiting.
  const allUp = SERVICE_NAMES.every((s) => runningPid(stack.profile.stateDir, s) !== undefined);
  const orderIds = tracked.orders.map((o) => o.id);
  const moving = await awaitQuiescence(stack, orderIds, allUp ? QUIESCENCE_DEADLINE_MS : 0);
  const settleSeconds = (Date.now() - loadOver) / 1000;
  if (moving)
    violations.push({
      invariant: 'quiescence',
      detail: `still moving after ${Math.round(settleSeconds)}s: ${JSON.stringify(moving)}`,
    });
  for (const check of checks)
    await check().catch((error: unknown) => {
      violations.push({ invariant: 'scenario-completes', detail: describe(error) });
    });
  const { tally, violations: broken } = await checkInvariants(stack, tracked, baseline);
  violations.push(...broken);
  const down = keepLogsOfExited(stack);
  if (down.length > 0)
    violations.push({ invariant: 'services-stay-up', detail: `exited: ${down.join(', ')}` });
  const deadAfter = await deadLetterCounts(stack);
  const deadLetters = Object.fromEntries(
    [...deadAfter]
      .map(([topic, n]) => [topic, n - (deadBefore.get(topic) ?? 0)])
      .filter(([, n]) => n !== 0),
  ) as Record<string, number>;
  return {
    scenario: scenario.name,
    outcome: violations.length > 0 ? 'failed' : 'passed',
    placed: tracked.orders.length,
    ...tally,
    violations,
    deadLetters,
    deadLetterReasons:
      Object.keys(deadLetters).length > 0 ? await deadLetterReasons(stack, deadBefore) : {},
    settleSeconds: round(settleSeconds),
    seconds: round((Date.now() - started) / 1000),
    retried,
    notes,
  };
}

/**
 * Services that are not running after a scenario (which restarts what it kills): their log is
 * copied aside, since starting them again truncates it. Returns "<service> (log: <file>)".
 */
function keepLogsOfExited(stack: FaultStack): string[] {
  const logs = path.join(stack.profile.stateDir, 'logs');
  return SERVICE_NAMES.filter(
    (service) => runningPid(stack.profile.stateDir, service) === undefined,
  ).map((service) => {
    const kept = path.join(logs, `${service}.exited-${Date.now()}.log`);
    copyFileSync(path.join(logs, `${service}.log`), kept);
    return `${service} (log: ${path.relative(REPO_ROOT, kept)})`;
  });
}

/** A scenario that failed half-way may leave a service or the broker down: bring them back. */
async function heal(stack: FaultStack): Promise<void> {
  if (!stack.profile.kafka.external) {
    const { instance, port } = stack.profile.kafka;
    execFileSync('bash', [KAFKA_SCRIPT, 'start', '--name', instance, '--port', String(port)], {
      stdio: 'ignore',
    });
  }
  for (const service of SERVICE_NAMES)
    if (runningPid(stack.profile.stateDir, service) === undefined) await startAgain(stack, service);
}

function skipped(scenario: Scenario, reason: string, started: number): ScenarioResult {
  return {
    scenario: scenario.name,
    outcome: 'skipped',
    placed: 0,
    confirmed: 0,
    cancelled: 0,
    stuck: 0,
    violations: [],
    deadLetters: {},
    deadLetterReasons: {},
    settleSeconds: 0,
    seconds: round((Date.now() - started) / 1000),
    retried: 0,
    notes: [`skipped: ${reason}`],
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const round = (seconds: number): number => Math.round(seconds * 10) / 10;
