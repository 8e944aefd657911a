import { type SensorChart } from '../../application/dashboard-view';
import { escaped, type SafeHtml } from './html';
import { linearScale, px, utcTime } from './scale';

const WIDTH = 380;
const HEIGHT = 150;
const LEFT = 40;
const RIGHT = 10;
const TOP = 14;
const BOTTOM = 20;
const MARKER_COLORS = { threshold: '#e5484d', anomaly: '#f5a524' } as const;

/**
 * One sensor's window averages as a line (oldest left), its alert threshold as a dashed
 * line, and a marker over each window an alert was raised for: a red triangle for a
 * threshold alert, an amber diamond for an anomaly.
 */
export function sensorChart(chart: SensorChart): SafeHtml {
  const averages = chart.windows.map((window) => window.avg);
  const low = Math.min(chart.threshold, ...averages);
  const high = Math.max(chart.threshold, ...averages);
  const pad = Math.max((high - low) * 0.1, 1);
  const y = linearScale([low - pad, high + pad], [HEIGHT - BOTTOM, TOP]);
  const count = chart.windows.length;
  const x = (index: number) =>
    count <= 1
      ? (LEFT + WIDTH - RIGHT) / 2
      : linearScale([0, count - 1], [LEFT, WIDTH - RIGHT])(index);
  const points = chart.windows.map((window, index) => ({
    window,
    cx: x(index),
    cy: y(window.avg),
  }));
  const line = points.map(({ cx, cy }) => `${px(cx)},${px(cy)}`).join(' ');
  const dots = points.map(
    ({ window, cx, cy }) =>
      escaped`<circle cx="${px(cx)}" cy="${px(cy)}" r="2.5" class="point"><title>${utcTime(window.windowEnd, true)} UTC: average ${formatNumber(window.avg)} °C</title></circle>`,
  );
  const markers = chart.markers.map(({ index, kind }) => {
    const point = points[index];
    if (!point) return escaped``;
    const cx = point.cx;
    const cy = point.cy - (kind === 'threshold' ? 10 : 20);
    const shape =
      kind === 'threshold'
        ? `${px(cx - 5)},${px(cy - 4)} ${px(cx + 5)},${px(cy - 4)} ${px(cx)},${px(cy + 5)}`
        : `${px(cx)},${px(cy - 5)} ${px(cx + 5)},${px(cy)} ${px(cx)},${px(cy + 5)} ${px(cx - 5)},${px(cy)}`;
    return escaped`<polygon points="${shape}" fill="${MARKER_COLORS[kind]}" class="marker" data-kind="${kind}" data-index="${index}"><title>${kind} alert</title></polygon>`;
  });
  const thresholdY = y(chart.threshold);
  const first = chart.windows[0];
  const last = chart.windows.at(-1);
  return escaped`<svg class="sensor-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="Window averages of ${chart.sensorId}">
<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(thresholdY)}" y2="${px(thresholdY)}" class="threshold" data-threshold="${chart.threshold}"/>
<text x="${LEFT - 4}" y="${px(thresholdY + 4)}" text-anchor="end" class="axis">${formatNumber(chart.threshold)}</text>
<polyline points="${line}" class="average"/>${dots}${markers}
<text x="${LEFT}" y="${HEIGHT - 4}" class="axis">${first ? utcTime(first.windowStart, true) : ''}</text>
<text x="${WIDTH - RIGHT}" y="${HEIGHT - 4}" text-anchor="end" class="axis">${last ? utcTime(last.windowEnd, true) : ''}</text>
</svg>`;
}

/** A temperature as shown: at most one decimal. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}
