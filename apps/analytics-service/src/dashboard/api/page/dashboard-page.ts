import { Decimal } from '@kafka-commerce/money';
import { type RecentAlert } from '../../application/ports/dashboard-reader';
import { type DashboardView, type SensorChart } from '../../application/dashboard-view';
import { dashboardStyle } from './dashboard-style';
import { escaped, type SafeHtml } from './html';
import { minuteChart, STATUS_COLORS } from './minute-chart';
import { formatNumber, sensorChart } from './sensor-chart';

export const REFRESH_SECONDS = 5;
const STATUSES = ['created', 'confirmed', 'cancelled'] as const;

/** The whole dashboard page: a pure function of what was read. */
export function renderDashboard(view: DashboardView): string {
  const { summary } = view;
  const total = (status: (typeof STATUSES)[number]) =>
    view.minutes.reduce((sum, bar) => sum + bar[status], 0);
  const legend = STATUSES.map(
    (status) =>
      escaped`<span class="key" data-status="${status}" data-total="${total(status)}"><i style="background:${STATUS_COLORS[status]}"></i>${status} ${total(status)}</span>`,
  );
  return `<!doctype html>\n${
    escaped`<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kafka-commerce · analytics</title>
<style>${dashboardStyle}</style>
</head>
<body>
<header>
<h1>kafka-commerce · analytics</h1>
<p>Updated <time datetime="${view.generatedAt.toISOString()}">${dateTime(view.generatedAt)}</time> UTC · refreshes every ${REFRESH_SECONDS} s</p>
</header>
<section class="kpis">
${kpi('revenue', 'Revenue (confirmed)', summary.revenue)}
${kpi('payment-success-rate', 'Payment success rate', percent(summary.paymentSuccessRate))}
${kpi('orders-created', 'Orders placed', String(summary.orders.created))}
${kpi('orders-confirmed', 'Orders confirmed', String(summary.orders.confirmed))}
${kpi('orders-cancelled', 'Orders cancelled', String(summary.orders.cancelled))}
${kpi('users-registered', 'Users registered', String(summary.usersRegistered))}
</section>
<section id="orders-per-minute" class="card">
<h2>Orders per minute by status, last ${view.minutes.length} minutes (UTC)</h2>
<p class="legend">${legend}</p>
${minuteChart(view.minutes)}
</section>
<div class="columns">
<section id="top-products" class="card">
<h2>Top products (units in confirmed orders)</h2>
${topProducts(view)}
</section>
<section id="alerts" class="card">
<h2>Latest alerts</h2>
${alertList(view.alerts)}
</section>
</div>
<section id="sensors" class="card">
<h2>Sensors: latest window averages</h2>
<p class="legend"><span class="key"><i class="line"></i>window average (°C)</span><span class="key"><i class="dash"></i>alert threshold</span><span class="key"><b class="tri">▼</b>threshold alert</span><span class="key"><b class="dia">◆</b>anomaly alert</span></p>
${sensorGrid(view.sensors)}
</section>
</body>
</html>
`.markup
  }`;
}

function kpi(id: string, label: string, value: string): SafeHtml {
  return escaped`<div class="kpi" id="${id}"><span class="label">${label}</span><span class="value">${value}</span></div>`;
}

function topProducts({ summary }: DashboardView): SafeHtml {
  if (summary.topProducts.length === 0)
    return escaped`<p class="empty">No confirmed sales yet.</p>`;
  const rows = summary.topProducts.map(
    (product) =>
      escaped`<tr data-product-id="${product.productId}"><td class="id">${product.productId}</td><td class="num units">${product.quantity}</td><td class="num">${product.revenue}</td></tr>`,
  );
  return escaped`<table><thead><tr><th>Product</th><th class="num">Units</th><th class="num">Revenue</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function alertList(alerts: readonly RecentAlert[]): SafeHtml {
  if (alerts.length === 0) return escaped`<p class="empty">No alerts raised.</p>`;
  const rows = alerts.map(
    (alert) =>
      escaped`<tr class="alert" data-alert-id="${alert.id}" data-sensor-id="${alert.sensorId}" data-kind="${alert.kind}"><td><time datetime="${alert.raisedAt.toISOString()}">${dateTime(alert.raisedAt)}</time></td><td class="sensor">${alert.sensorId}</td><td><span class="badge ${alert.kind}">${alert.kind}</span></td><td class="num">${formatNumber(alert.value)} °C</td><td class="detail">${alertDetail(alert)}</td></tr>`,
  );
  return escaped`<table><thead><tr><th>Raised (UTC)</th><th>Sensor</th><th>Kind</th><th class="num">Value</th><th>Against</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function alertDetail(alert: RecentAlert): string {
  return alert.kind === 'threshold'
    ? `window average above ${formatNumber(alert.reference)} °C`
    : `${alert.fault ?? 'anomaly'}, expected ${formatNumber(alert.reference)} °C`;
}

function sensorGrid(sensors: readonly SensorChart[]): SafeHtml {
  if (sensors.length === 0) return escaped`<p class="empty">No sensor windows closed yet.</p>`;
  const figures = sensors.map(
    (chart) =>
      escaped`<figure class="sensor" data-sensor-id="${chart.sensorId}" data-windows="${chart.windows.length}"><figcaption>${chart.sensorId}</figcaption>${sensorChart(chart)}</figure>`,
  );
  return escaped`<div class="grid">${figures}</div>`;
}

/** A rate of 0…1 as a percentage with one decimal; an em dash before any payment. */
function percent(rate: number | null): string {
  return rate === null ? '—' : `${new Decimal(rate).times(100).toFixed(1)} %`;
}

function dateTime(instant: Date): string {
  return instant.toISOString().slice(0, 19).replace('T', ' ');
}
