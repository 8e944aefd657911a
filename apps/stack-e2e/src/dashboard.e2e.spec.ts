import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { waitFor } from '@kafka-commerce/testing';
import { newCustomer, newProduct, type Order, placeOrder, settledOrder } from './support/commerce';
import { getJson, postJson, queryDatabase, serviceUrl } from './support/stack';

/*
 * GET /dashboard in a real browser: Debian's headless Chromium (`apt-get install chromium`,
 * or CHROMIUM naming another binary) loads the page from the running analytics-service and
 * the test reads the DOM it rendered. Known orders of a fresh product and a fresh sensor's
 * hot window must show up. DASHBOARD_SCREENSHOT=<file.png> also saves a screenshot.
 *
 * Other suites share the stack, so the minute chart is checked as its change over the run
 * (suites run one at a time: nothing else places orders meanwhile).
 */

const run = promisify(execFile);
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

interface Summary {
  revenue: string;
  paymentSuccessRate: number | null;
  topProducts: { productId: string; quantity: number; revenue: string }[];
}

interface Alert {
  id: string;
  sensorId: string;
  kind: 'threshold' | 'anomaly';
}

type MinuteCounts = Map<string, { created: number; confirmed: number; cancelled: number }>;

const dashboardUrl = () => `${serviceUrl('analytics')}/dashboard`;

/** Runs headless Chromium on a throwaway profile; its stdout. */
async function chromium(args: string[]): Promise<string> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kc-chromium-'));
  try {
    const { stdout } = await run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        // The test machine's network is closed: no background connections, no update checks.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${profile}`,
        ...args,
      ],
      { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 },
    );
    return stdout;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/** The DOM as Chromium rendered it (serialised: text escapes &, < and >). */
const renderedDom = () => chromium(['--dump-dom', dashboardUrl()]);

/** Text as the DOM serialiser writes it in element content. */
function asSerializedText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The markup from `start` up to and including the next `end`. */
function fragment(dom: string, start: string, end: string): string {
  const from = dom.indexOf(start);
  expect(from).toBeGreaterThanOrEqual(0);
  const to = dom.indexOf(end, from);
  expect(to).toBeGreaterThan(from);
  return dom.slice(from, to + end.length);
}

function minuteCounts(dom: string): MinuteCounts {
  const counts: MinuteCounts = new Map();
  const groups = dom.matchAll(
    /<g class="minute" data-minute="([^"]+)" data-created="(\d+)" data-confirmed="(\d+)" data-cancelled="(\d+)"/g,
  );
  for (const [, minute = '', created, confirmed, cancelled] of groups) {
    counts.set(minute, {
      created: Number(created),
      confirmed: Number(confirmed),
      cancelled: Number(cancelled),
    });
  }
  return counts;
}

/** What the chart gained between two renderings (minutes that scrolled out count nothing). */
function gained(before: MinuteCounts, after: MinuteCounts) {
  const sum = { created: 0, confirmed: 0, cancelled: 0 };
  for (const [minute, counts] of after) {
    const was = before.get(minute) ?? { created: 0, confirmed: 0, cancelled: 0 };
    sum.created += counts.created - was.created;
    sum.confirmed += counts.confirmed - was.confirmed;
    sum.cancelled += counts.cancelled - was.cancelled;
  }
  return sum;
}

/** Readings 10 ms apart ending now (device clock). */
function readings(sensorId: string, values: number[]) {
  const start = Date.now() - values.length * 10;
  return values.map((temperature, index) => ({
    sensorId,
    temperature,
    timestamp: new Date(start + index * 10).toISOString(),
  }));
}

async function postReadings(sensorId: string, values: number[]): Promise<void> {
  const response = await postJson(
    `${serviceUrl('analytics')}/sensors/readings`,
    readings(sensorId, values),
  );
  expect(response.status).toBe(202);
}

function closedWindows(sensorId: string, count: number): Promise<unknown[]> {
  return waitFor(
    async () => {
      const url = `${serviceUrl('analytics')}/sensors/${encodeURIComponent(sensorId)}/windows`;
      const windows = (await getJson(url)).body as unknown[];
      return windows.length >= count ? windows : undefined;
    },
    { timeoutMs: 30_000, description: `${count} closed window(s) of the sensor` },
  );
}

function thresholdAlert(sensorId: string): Promise<Alert> {
  return waitFor(
    async () => {
      const alerts = (await getJson(`${serviceUrl('analytics')}/alerts`)).body as Alert[];
      return alerts.find((alert) => alert.sensorId === sensorId && alert.kind === 'threshold');
    },
    { timeoutMs: 30_000, description: 'a threshold alert of the sensor' },
  );
}

/** Waits until analytics has applied every order's final status. */
function projected(orders: readonly Order[]): Promise<true> {
  const expected = new Map(orders.map((order) => [order.id, order.status]));
  return waitFor(
    async () => {
      const rows = await queryDatabase<{ orderId: string; status: string }>(
        'analytics',
        `SELECT order_id::text AS "orderId", status::text AS status
         FROM order_projections WHERE order_id = ANY($1::uuid[])`,
        [[...expected.keys()]],
      );
      const settled =
        rows.length === expected.size &&
        rows.every((row) => expected.get(row.orderId) === row.status);
      return settled || undefined;
    },
    { timeoutMs: 30_000, description: 'analytics to project the orders' },
  );
}

async function summaryNow(): Promise<Summary> {
  return (await getJson(`${serviceUrl('analytics')}/analytics/summary`)).body as Summary;
}

/**
 * The page, with the summary it must agree with. Events of earlier suites may still be
 * moving the shop-wide figures (a late payment changes the success rate), so a page counts
 * only when the summary was the same just before and just after it was rendered.
 */
function domWithSteadySummary(): Promise<{ dom: string; summary: Summary }> {
  return waitFor(
    async () => {
      const before = await summaryNow();
      const dom = await renderedDom();
      const summary = await summaryNow();
      return JSON.stringify(before) === JSON.stringify(summary) ? { dom, summary } : undefined;
    },
    { timeoutMs: 30_000, description: 'a page rendered while the summary stood still' },
  );
}

describe('GET /dashboard in headless Chromium', () => {
  it('shows the orders per minute, top products, a sensor’s threshold alert and the alert list', async () => {
    const response = await fetch(dashboardUrl());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const before = minuteCounts(await renderedDom());
    expect(before.size).toBe(60);

    // Three confirmed orders (450 units of a fresh product) and one declined card.
    const customer = await newCustomer();
    const product = await newProduct('0.50', 1000);
    const place = async (quantity: number, method = 'card') =>
      settledOrder(
        (
          (await placeOrder(customer.headers, [{ productId: product.id, quantity }], method))
            .body as Order
        ).id,
        customer.headers,
      );
    const orders = [await place(100), await place(150), await place(200)];
    const declined = await place(1, 'card_declined');
    expect(orders.map((order) => order.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
    expect(declined.status).toBe('CANCELLED');

    // A fresh sensor (its id is user input, markup included): a cool window, then a hot one.
    const tag = randomUUID().slice(0, 8);
    const sensorId = `dash<i>${tag}</i>&co`;
    await postReadings(sensorId, [20, 21, 22]);
    await closedWindows(sensorId, 1);
    await postReadings(sensorId, [120, 121, 119]);
    await closedWindows(sensorId, 2);
    const alert = await thresholdAlert(sensorId);
    await projected([...orders, declined]);

    const { dom, summary } = await domWithSteadySummary();

    // The orders, in the minutes of their own events.
    expect(gained(before, minuteCounts(dom))).toEqual({ created: 4, confirmed: 3, cancelled: 1 });

    // The summary's figures, as GET /analytics/summary gives them.
    expect(dom).toContain(`<span class="value">${summary.revenue}</span>`);
    if (summary.paymentSuccessRate !== null) {
      const rate = (summary.paymentSuccessRate * 100).toFixed(1);
      expect(dom).toContain(`<span class="value">${rate} %</span>`);
    }
    expect(summary.topProducts).toContainEqual({
      productId: product.id,
      quantity: 450,
      revenue: '225.00',
    });
    expect(dom).toContain(
      `<tr data-product-id="${product.id}"><td class="id">${product.id}</td><td class="num units">450</td><td class="num">225.00</td></tr>`,
    );

    // The sensor's chart: two windows, the threshold line and a threshold marker on the hot one.
    const caption = `<figcaption>${asSerializedText(sensorId)}</figcaption>`;
    const chart = fragment(dom, caption, '</figure>');
    expect(chart).toMatch(/class="threshold" data-threshold="[\d.]+"/);
    expect(chart).toMatch(/class="marker" data-kind="threshold" data-index="1"/);
    expect(chart.match(/class="point"/g)).toHaveLength(2);
    // Escaped, not markup: no <i> element made of the sensor id anywhere in the page.
    expect(dom).not.toContain(`<i>${tag}</i>`);

    // The alert, in the list of the latest alerts.
    const row = fragment(dom, `data-alert-id="${alert.id}"`, '</tr>');
    expect(row).toContain(`<td class="sensor">${asSerializedText(sensorId)}</td>`);
    expect(row).toContain('<span class="badge threshold">threshold</span>');
    expect(row).toContain('<td class="num">120 °C</td>');

    const screenshot = process.env.DASHBOARD_SCREENSHOT;
    if (screenshot) {
      const file = path.resolve(screenshot);
      await chromium([
        '--hide-scrollbars',
        '--window-size=1280,1400',
        `--screenshot=${file}`,
        dashboardUrl(),
      ]);
      const png = await readFile(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
  }, 180_000);
});
