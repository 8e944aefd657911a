import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import {
  cpuSpent,
  postgresProcessGroup,
  type ProcessGroup,
  takeCpuSnapshot,
} from '../../load/cpu-accounting';
import { type Customer, prepareCustomer, serviceUrlOf } from '../../load/saga-load';
import { runningPid, startProcess, stopService } from '../../stack/processes';
import { databaseName, type StackProfile } from '../../stack/profile';
import { SERVICES } from '../../stack/services';
import { type BenchContext } from '../context';
import { fixed, integer, median, type ScenarioReport, times } from '../report';
import { prepareRawDatabase, RAW_ORDERS_DATABASE } from './raw-database';

const RAW_SERVER = 'raw-orders-server';
const RAW_PORT = 3499;

interface Target {
  readonly label: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The server process and the PostgreSQL connections to its database, for CPU per request. */
  readonly processes: readonly ProcessGroup[];
}

interface Round {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly cpuMsPerRequest: Readonly<Record<string, number>>;
}

/**
 * POST /orders — a real write with its outbox append — against order-service of the bench
 * stack and against a raw fastify + pg server running the same SQL, driven by the same
 * autocannon at the same concurrency, rounds interleaved. The other five services are
 * stopped first, so the saga behind the orders does not compete for the CPU: this compares
 * one request's handling. Every answer must be a 202.
 */
export async function postOrders(
  bench: BenchContext,
  profile: StackProfile,
): Promise<ScenarioReport> {
  const { concurrency, seconds, rounds } = bench.sizes.postOrders;
  const customer = await prepareCustomer(profile, 10_000_000);
  await stopOtherServices(profile);
  const raw = await startRawServer(bench, profile, customer);
  try {
    const ours = orderServiceTarget(profile, customer);
    const results = { ours: [] as Round[], raw: [] as Round[] };
    for (let round = 1; round <= rounds; round++) {
      results.ours.push(await load(ours, customer, concurrency, seconds));
      results.raw.push(await load(raw, customer, concurrency, seconds));
      bench.log(
        `post-orders round ${round}/${rounds}: order-service ${integer(results.ours.at(-1)?.requestsPerSecond ?? 0)}/s, ` +
          `raw ${integer(results.raw.at(-1)?.requestsPerSecond ?? 0)}/s`,
      );
    }
    return report(bench, ours, raw, results);
  } finally {
    await stopService(profile.stateDir, RAW_SERVER);
  }
}

function orderServiceTarget(profile: StackProfile, customer: Customer): Target {
  const service = SERVICES.find((candidate) => candidate.name === 'order-service');
  if (!service) throw new Error('order-service is not in the stack');
  return {
    label: 'order-service (NestJS, auth, validation)',
    url: serviceUrlOf(profile, 'order-service', '/orders'),
    headers: { authorization: `Bearer ${customer.token}` },
    processes: [
      { name: 'server', pids: pidOf(profile, 'order-service') },
      postgresProcessGroup(new Set([databaseName(profile, service)])),
    ],
  };
}

async function startRawServer(
  bench: BenchContext,
  profile: StackProfile,
  customer: Customer,
): Promise<Target> {
  const databaseUrl = await prepareRawDatabase(profile, customer.productId);
  // tsx as a loader of node itself (not its CLI, which runs node as a child): one process,
  // whose /proc figures are the server's.
  startProcess(
    RAW_SERVER,
    [process.execPath, '--import', 'tsx', path.join(__dirname, 'raw-orders-server.ts')],
    { PORT: String(RAW_PORT), DATABASE_URL: databaseUrl, USER_ID: userIdOf(customer.token) },
    profile.stateDir,
  );
  const url = `http://127.0.0.1:${RAW_PORT}/orders`;
  await awaitListening(url, bench.sizes.timeoutMs);
  return {
    label: 'raw fastify + pg, same SQL (baseline)',
    url,
    headers: {},
    processes: [
      { name: 'server', pids: pidOf(profile, RAW_SERVER) },
      postgresProcessGroup(new Set([RAW_ORDERS_DATABASE])),
    ],
  };
}

async function load(target: Target, customer: Customer, connections: number, duration: number) {
  const before = takeCpuSnapshot(target.processes);
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: JSON.stringify(customer.order),
    connections,
    duration,
  });
  const cpu = cpuSpent(before, takeCpuSnapshot(target.processes));
  const answered = result['2xx'] + result.non2xx;
  if (result.non2xx > 0 || result.errors > 0 || answered === 0) {
    throw new Error(
      `post-orders: ${target.label} answered ${result.non2xx} non-2xx and had ${result.errors} errors of ${answered}`,
    );
  }
  return {
    requestsPerSecond: result['2xx'] / (result.duration || duration),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result['2xx'],
    cpuMsPerRequest: Object.fromEntries(
      [...cpu].map(([name, ms]) => [name, Math.round((ms / result['2xx']) * 1000) / 1000]),
    ),
  } satisfies Round;
}

function report(
  bench: BenchContext,
  ours: Target,
  raw: Target,
  results: { ours: Round[]; raw: Round[] },
): ScenarioReport {
  const { concurrency, seconds, rounds } = bench.sizes.postOrders;
  const summary = (runs: readonly Round[]) => ({
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    serverCpuMs: median(runs.map((run) => run.cpuMsPerRequest.server ?? Number.NaN)),
    postgresCpuMs: median(runs.map((run) => run.cpuMsPerRequest.postgres ?? Number.NaN)),
    rounds: runs,
  });
  const oursSummary = summary(results.ours);
  const rawSummary = summary(results.raw);
  const row = (target: Target, s: ReturnType<typeof summary>) => [
    target.label,
    integer(s.requestsPerSecond),
    times(s.requestsPerSecond / rawSummary.requestsPerSecond),
    fixed(s.p50, 0),
    fixed(s.p99, 0),
    fixed(s.serverCpuMs, 2),
    fixed(s.postgresCpuMs, 2),
  ];
  return {
    id: 'post-orders',
    title: `POST /orders: order-service vs raw fastify + pg (same SQL), concurrency ${concurrency}`,
    notes: [
      `autocannon, ${seconds} s per round, ${rounds} round(s) interleaved, medians; the other five`,
      'services stopped (no saga behind the orders); CPU ms per request from /proc',
    ],
    table: {
      header: [
        'server',
        'requests/s',
        'vs raw',
        'p50 ms',
        'p99 ms',
        'server cpu ms',
        'postgres cpu ms',
      ],
      rows: [row(ours, oursSummary), row(raw, rawSummary)],
    },
    ratios: [
      {
        label: 'POST /orders requests/s',
        value: oursSummary.requestsPerSecond / rawSummary.requestsPerSecond,
        better: 'higher',
      },
    ],
    checks: [
      `post-orders: every one of ${integer(
        [...results.ours, ...results.raw].reduce((sum, run) => sum + run.requests, 0),
      )} requests answered 202`,
    ],
    data: { concurrency, seconds, rounds, ours: oursSummary, raw: rawSummary },
  };
}

async function stopOtherServices(profile: StackProfile): Promise<void> {
  await Promise.all(
    SERVICES.filter((service) => service.name !== 'order-service').map((service) =>
      stopService(profile.stateDir, service.name),
    ),
  );
}

function pidOf(profile: StackProfile, name: string): () => number[] {
  return () => {
    const pid = runningPid(profile.stateDir, name);
    return pid === undefined ? [] : [pid];
  };
}

/** The customer's id: the `sub` of their access token. */
function userIdOf(token: string): string {
  const payload = token.split('.')[1] ?? '';
  const { sub } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    sub?: string;
  };
  if (!sub) throw new Error('the access token names no subject');
  return sub;
}

async function awaitListening(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { method: 'GET' });
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`the raw orders server never answered at ${url}`, { cause: error });
      await sleep(100);
    }
  }
}
