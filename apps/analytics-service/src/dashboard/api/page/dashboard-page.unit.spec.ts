import { type DashboardView, minuteBars } from '../../application/dashboard-view';
import { renderDashboard } from './dashboard-page';

const NOW = new Date('2026-12-07T10:59:30.000Z');
const START = new Date('2026-12-07T10:00:00.000Z');
const HOSTILE = `"><script>alert('x')</script>`;

const emptyView: DashboardView = {
  generatedAt: NOW,
  minutes: minuteBars(START, []),
  summary: {
    usersRegistered: 0,
    orders: { created: 0, confirmed: 0, cancelled: 0 },
    revenue: '0.00',
    paymentSuccessRate: null,
    topProducts: [],
  },
  sensors: [],
  alerts: [],
};

const busyView: DashboardView = {
  ...emptyView,
  minutes: minuteBars(START, [
    { minute: new Date('2026-12-07T10:58:00.000Z'), status: 'created', count: 4 },
  ]),
  summary: {
    usersRegistered: 2,
    orders: { created: 4, confirmed: 3, cancelled: 1 },
    revenue: '225.00',
    paymentSuccessRate: 0.75,
    topProducts: [{ productId: 'p-1', quantity: 180, revenue: '225.00' }],
  },
  sensors: [
    {
      sensorId: HOSTILE,
      threshold: 80,
      windows: [
        {
          windowStart: new Date('2026-12-07T10:58:00Z'),
          windowEnd: new Date('2026-12-07T10:58:05Z'),
          avg: 120,
        },
      ],
      markers: [{ index: 0, kind: 'threshold' }],
    },
  ],
  alerts: [
    {
      id: 'a-1',
      sensorId: HOSTILE,
      kind: 'threshold',
      value: 120,
      reference: 80,
      fault: null,
      raisedAt: new Date('2026-12-07T10:58:06Z'),
    },
    {
      id: 'a-2',
      sensorId: 'boiler',
      kind: 'anomaly',
      value: 55.25,
      reference: 21,
      fault: 'spike',
      raisedAt: new Date('2026-12-07T10:58:01Z'),
    },
  ],
};

describe('renderDashboard', () => {
  it('is a whole page that refreshes itself every 5 s', () => {
    const page = renderDashboard(emptyView);
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<meta http-equiv="refresh" content="5">');
    expect(page).toContain('<time datetime="2026-12-07T10:59:30.000Z">2026-12-07 10:59:30</time>');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('says what is missing when nothing happened yet', () => {
    const page = renderDashboard(emptyView);
    expect(page).toContain('No confirmed sales yet.');
    expect(page).toContain('No alerts raised.');
    expect(page).toContain('No sensor windows closed yet.');
    expect(page).toContain('No orders in the last 60 minutes');
    expect(page).toMatch(
      /id="payment-success-rate"><span class="label">[^<]+<\/span><span class="value">—</,
    );
  });

  it('shows the summary’s figures, the products, the alerts and the sensors', () => {
    const page = renderDashboard(busyView);
    expect(page).toMatch(
      /id="revenue"><span class="label">[^<]+<\/span><span class="value">225\.00</,
    );
    expect(page).toContain('<span class="value">75.0 %</span>');
    expect(page).toContain(
      '<tr data-product-id="p-1"><td class="id">p-1</td><td class="num units">180</td><td class="num">225.00</td></tr>',
    );
    expect(page).toContain('data-status="created" data-total="4"');
    expect(page).toContain('<span class="badge anomaly">anomaly</span>');
    expect(page).toContain('spike, expected 21 °C');
    expect(page).toContain('<td class="num">55.3 °C</td>');
    expect(page).toContain('data-kind="threshold" data-index="0"');
    expect(page.indexOf('data-alert-id="a-1"')).toBeLessThan(page.indexOf('data-alert-id="a-2"'));
  });

  it('escapes the sensor ids wherever they appear', () => {
    const page = renderDashboard(busyView);
    expect(page).not.toContain('<script>');
    const escaped = '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;';
    expect(page).toContain(`<figcaption>${escaped}</figcaption>`);
    expect(page).toContain(`data-sensor-id="${escaped}"`);
    expect(page).toContain(`<td class="sensor">${escaped}</td>`);
  });
});
