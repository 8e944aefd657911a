import { minuteBars } from '../../application/dashboard-view';
import { minuteChart } from './minute-chart';

const start = new Date('2026-12-07T10:00:00.000Z');

/** The bar rectangles' heights by colour, as drawn. */
function heights(svg: string): { fill: string; height: number; y: number }[] {
  return [
    ...svg.matchAll(
      /<rect x="[^"]+" y="([^"]+)" width="[^"]+" height="([^"]+)" fill="(#[0-9a-f]+)"/g,
    ),
  ].map(([, y, height, fill]) => ({ fill: fill ?? '', height: Number(height), y: Number(y) }));
}

describe('minuteChart', () => {
  it('scales bars to a round axis top, with each minute’s counts as data', () => {
    const svg = minuteChart(
      minuteBars(start, [
        { minute: start, status: 'created', count: 4 },
        { minute: start, status: 'confirmed', count: 3 },
        { minute: start, status: 'cancelled', count: 1 },
      ]),
    ).markup;
    expect(svg).toContain(
      'data-minute="2026-12-07T10:00:00.000Z" data-created="4" data-confirmed="3" data-cancelled="1"',
    );
    // Top 5 over a 166-unit plot (200 high, 10 above, 24 below): 4 → 132.8, 3 → 99.6, 1 → 33.2.
    expect(heights(svg)).toEqual([
      { fill: '#4f7cff', height: 132.8, y: 43.2 },
      { fill: '#22a06b', height: 99.6, y: 76.4 },
      { fill: '#e5484d', height: 33.2, y: 142.8 },
    ]);
    expect(svg).toContain('>5</text>');
    expect(svg).toContain('>10:00</text>');
    expect(svg).not.toContain('No orders');
  });

  it('draws no bars and says so when there were no orders', () => {
    const svg = minuteChart(minuteBars(start, [])).markup;
    expect(heights(svg)).toEqual([]);
    expect(svg).toContain('No orders in the last 60 minutes');
    expect(svg.match(/class="minute"/g)).toHaveLength(60);
  });
});
