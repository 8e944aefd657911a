import { alertFor } from './alert-rule';
import { type ClosedWindow } from './temperature-window';

const window: ClosedWindow = {
  sensorId: 'boiler-1',
  windowStart: new Date('2026-11-26T10:00:00.000Z'),
  windowEnd: new Date('2026-11-26T10:00:04.900Z'),
  count: 412,
  avg: 80,
  min: 70,
  max: 90,
  closedAt: new Date('2026-11-26T10:00:05.000Z'),
  closedBy: 'AGE',
  lastEventId: 'e',
  lastCorrelationId: 'c',
};

describe('alertFor', () => {
  it('raises nothing when the average equals the threshold', () => {
    expect(alertFor(window, 80)).toBeNull();
  });

  it('raises an alert when the average is above the threshold', () => {
    expect(alertFor({ ...window, avg: 80.000001 }, 80)).toEqual({
      sensorId: 'boiler-1',
      windowStart: window.windowStart,
      windowEnd: window.windowEnd,
      count: 412,
      average: 80.000001,
      threshold: 80,
    });
  });

  it('compares against negative thresholds too', () => {
    expect(alertFor({ ...window, avg: -10 }, -18)).not.toBeNull();
    expect(alertFor({ ...window, avg: -20 }, -18)).toBeNull();
  });
});
