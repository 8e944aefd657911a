import { type MinuteBar } from '../../application/dashboard-view';
import { escaped, type SafeHtml } from './html';
import { linearScale, niceCeiling, px, utcTime } from './scale';

export const STATUS_COLORS = {
  created: '#4f7cff',
  confirmed: '#22a06b',
  cancelled: '#e5484d',
} as const;
const STATUSES = ['created', 'confirmed', 'cancelled'] as const;

const WIDTH = 1200;
const HEIGHT = 200;
const LEFT = 36;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 24;
const LABEL_EVERY = 10;

/**
 * Orders per minute as grouped bars (created, confirmed, cancelled), oldest minute on the
 * left. Each minute's group carries its counts as data attributes and a tooltip.
 */
export function minuteChart(bars: readonly MinuteBar[]): SafeHtml {
  const top = niceCeiling(Math.max(0, ...bars.flatMap((bar) => STATUSES.map((s) => bar[s]))));
  const y = linearScale([0, top], [HEIGHT - BOTTOM, TOP]);
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(bars.length, 1);
  const barWidth = Math.max((slot - 4) / STATUSES.length, 1);
  const grid = [0, top / 2, top].map(
    (value) =>
      escaped`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(value))}" y2="${px(y(value))}" class="grid"/><text x="${LEFT - 6}" y="${px(y(value) + 4)}" text-anchor="end" class="axis">${value}</text>`,
  );
  const groups = bars.map((bar, index) => {
    const x0 = LEFT + index * slot + 2;
    const rects = STATUSES.filter((status) => bar[status] > 0).map((status) => {
      const x = x0 + STATUSES.indexOf(status) * barWidth;
      const height = y(0) - y(bar[status]);
      return escaped`<rect x="${px(x)}" y="${px(y(bar[status]))}" width="${px(barWidth)}" height="${px(height)}" fill="${STATUS_COLORS[status]}"/>`;
    });
    const label =
      index % LABEL_EVERY === 0 || index === bars.length - 1
        ? escaped`<text x="${px(x0 + slot / 2)}" y="${HEIGHT - 6}" text-anchor="middle" class="axis">${utcTime(bar.minute)}</text>`
        : escaped``;
    return escaped`<g class="minute" data-minute="${bar.minute.toISOString()}" data-created="${bar.created}" data-confirmed="${bar.confirmed}" data-cancelled="${bar.cancelled}"><title>${utcTime(bar.minute)} UTC: created ${bar.created}, confirmed ${bar.confirmed}, cancelled ${bar.cancelled}</title><rect x="${px(x0 - 2)}" y="${TOP}" width="${px(slot)}" height="${HEIGHT - TOP - BOTTOM}" fill="transparent"/>${rects}${label}</g>`;
  });
  const empty = bars.every((bar) => STATUSES.every((status) => bar[status] === 0))
    ? escaped`<text x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle" class="empty">No orders in the last ${bars.length} minutes</text>`
    : escaped``;
  return escaped`<svg id="orders-chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="Orders per minute by status">${grid}${groups}${empty}</svg>`;
}
