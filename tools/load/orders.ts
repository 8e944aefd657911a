import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { databaseUrl, resolveProfile } from '../stack/profile';
import { SERVICES } from '../stack/services';
import { cpuSpent, stackProcessGroups } from './cpu-accounting';
import {
  awaitIdle,
  awaitSettled,
  confirmationLatencies,
  percentile,
  placeOrders,
  prepareCustomer,
} from './saga-load';

/**
 * `pnpm load:orders`: places a bounded number of orders against a running stack
 * (`pnpm stack:up`), at a fixed concurrency or a paced rate, and reports orders/s,
 * placed→confirmed latency (from the orders' own status history: server clock, not client
 * polling) and the CPU milliseconds per order each process of the stack spent (from /proc,
 * steady on a noisy machine). Loopback only; bounded in count and time.
 */
const USAGE = `usage: pnpm load:orders [--orders 300] [--concurrency 20] [--rate <orders/s>]

Places a bounded number of orders (at most 20,000) against the running \`pnpm stack:up\`, as
one customer, at a concurrency (at most 256) or paced at a rate per second. Prints orders/s,
placed→confirmed latency percentiles and CPU milliseconds per order of each stack process.`;

const { values } = parsedArgs();
const ORDERS = Math.min(Number(values.orders), 20_000);
const CONCURRENCY = Math.min(Number(values.concurrency), 256);
const RATE = values.rate === undefined ? undefined : Number(values.rate);
const DEADLINE_MS = 300_000;
const profile = resolveProfile('dev', process.env);
const orderService = SERVICES.find((service) => service.name === 'order-service');

function parsedArgs() {
  try {
    return parseArgs({
      options: {
        orders: { type: 'string', default: '300' },
        concurrency: { type: 'string', default: '20' },
        rate: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!orderService) throw new Error('order-service is not in the stack');
  const orders = new Client({ connectionString: databaseUrl(profile, orderService) });
  await orders.connect();
  try {
    const customer = await prepareCustomer(profile, ORDERS * 2);
    const groups = stackProcessGroups(profile);
    const before = await awaitIdle(groups);
    const started = Date.now();
    const ids = await placeOrders(profile, customer, {
      concurrency: CONCURRENCY,
      count: ORDERS,
      ...(RATE === undefined ? {} : { ratePerSecond: RATE }),
    });
    const placedIn = Date.now() - started;
    const unsettled = await awaitSettled(orders, ids, DEADLINE_MS);
    const settledIn = Date.now() - started;
    const cpu = cpuSpent(before, await awaitIdle(groups));
    const confirmed = await confirmationLatencies(orders, ids);
    const perOrder = (ms: number) => Math.round((ms / ORDERS) * 100) / 100;
    const totalCpu = [...cpu].filter(([name]) => name !== 'mailcatcher');
    console.log(
      JSON.stringify(
        {
          orders: ORDERS,
          concurrency: CONCURRENCY,
          ...(RATE === undefined ? {} : { ratePerSecond: RATE }),
          confirmed: confirmed.length,
          unsettled,
          placedPerSecond: Math.round((ORDERS / placedIn) * 1000),
          confirmedPerSecond: Math.round((confirmed.length / settledIn) * 1000),
          latencyMs: {
            p50: Math.round(percentile(confirmed, 50)),
            p90: Math.round(percentile(confirmed, 90)),
            p99: Math.round(percentile(confirmed, 99)),
            max: Math.round(confirmed.at(-1) ?? NaN),
          },
          cpuMsPerOrder: {
            total: perOrder(totalCpu.reduce((sum, [, ms]) => sum + ms, 0)),
            ...Object.fromEntries([...cpu].map(([name, ms]) => [name, perOrder(ms)])),
          },
        },
        null,
        2,
      ),
    );
    if (unsettled > 0 || confirmed.length !== ORDERS) process.exitCode = 1;
  } finally {
    await orders.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
