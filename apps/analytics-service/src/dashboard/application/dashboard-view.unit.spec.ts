import { chartStart, minuteBars, sensorCharts } from './dashboard-view';

const at = (iso: string) => new Date(iso);

describe('minuteBars', () => {
  it('has 60 minutes ending with the current one, zero where nothing happened', () => {
    const start = chartStart(at('2026-12-07T10:59:30.000Z'));
    expect(start.toISOString()).toBe('2026-12-07T10:00:00.000Z');
    const bars = minuteBars(start, [
      { minute: at('2026-12-07T10:00:00.000Z'), status: 'created', count: 4 },
      { minute: at('2026-12-07T10:59:00.000Z'), status: 'confirmed', count: 3 },
      { minute: at('2026-12-07T10:59:00.000Z'), status: 'cancelled', count: 1 },
      { minute: at('2026-12-07T11:00:00.000Z'), status: 'created', count: 9 },
    ]);
    expect(bars).toHaveLength(60);
    expect(bars[0]).toEqual({ minute: start, created: 4, confirmed: 0, cancelled: 0 });
    expect(bars[59]).toEqual({
      minute: at('2026-12-07T10:59:00.000Z'),
      created: 0,
      confirmed: 3,
      cancelled: 1,
    });
    expect(
      bars.slice(1, 59).every((bar) => bar.created + bar.confirmed + bar.cancelled === 0),
    ).toBe(true);
  });
});

describe('sensorCharts', () => {
  const windows = [
    { windowStart: at('2026-12-07T10:00:00Z'), windowEnd: at('2026-12-07T10:00:05Z'), avg: 20 },
    { windowStart: at('2026-12-07T10:00:05Z'), windowEnd: at('2026-12-07T10:00:10Z'), avg: 95 },
  ];

  it('marks the window a threshold alert was raised for and the window of an anomaly', () => {
    const [chart] = sensorCharts(
      [{ sensorId: 's-1', windows }],
      [
        { sensorId: 's-1', kind: 'threshold', at: at('2026-12-07T10:00:10Z') },
        { sensorId: 's-1', kind: 'anomaly', at: at('2026-12-07T10:00:07Z') },
        { sensorId: 's-1', kind: 'anomaly', at: at('2026-12-07T10:00:08Z') },
        { sensorId: 's-2', kind: 'threshold', at: at('2026-12-07T10:00:05Z') },
      ],
      80,
    );
    expect(chart).toEqual({
      sensorId: 's-1',
      threshold: 80,
      windows,
      markers: [
        { index: 1, kind: 'threshold' },
        { index: 1, kind: 'anomaly' },
      ],
    });
  });

  it('leaves out alerts before the first window or after the last', () => {
    const [chart] = sensorCharts(
      [{ sensorId: 's-1', windows }],
      [
        { sensorId: 's-1', kind: 'threshold', at: at('2026-12-07T09:59:59Z') },
        { sensorId: 's-1', kind: 'anomaly', at: at('2026-12-07T10:00:11Z') },
      ],
      80,
    );
    expect(chart?.markers).toEqual([]);
  });
});
