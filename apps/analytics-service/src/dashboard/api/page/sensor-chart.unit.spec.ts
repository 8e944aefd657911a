import { sensorChart } from './sensor-chart';

const window = (second: number, avg: number) => ({
  windowStart: new Date(Date.UTC(2026, 11, 7, 10, 0, second)),
  windowEnd: new Date(Date.UTC(2026, 11, 7, 10, 0, second + 5)),
  avg,
});

describe('sensorChart', () => {
  it('spans the averages and the threshold, oldest window on the left', () => {
    const svg = sensorChart({
      sensorId: 'boiler',
      threshold: 80,
      windows: [window(0, 20), window(5, 70), window(10, 120)],
      markers: [],
    }).markup;
    // y: 20…120 padded by 10 either side (10…130) onto 130…14; x: 40…370.
    expect(svg).toContain('points="40,120.3 205,72 370,23.7"');
    expect(svg).toContain('y1="62.3" y2="62.3" class="threshold" data-threshold="80"');
  });

  it('puts a lone window in the middle, and keeps the threshold in view', () => {
    const svg = sensorChart({
      sensorId: 'cellar',
      threshold: 80,
      windows: [window(0, 12.5)],
      markers: [],
    }).markup;
    expect(svg).toContain('points="205,');
    expect(svg).toMatch(/class="threshold"/);
  });

  it('marks threshold and anomaly alerts with their own shapes and colours', () => {
    const svg = sensorChart({
      sensorId: 'boiler',
      threshold: 80,
      windows: [window(0, 20), window(5, 95)],
      markers: [
        { index: 1, kind: 'threshold' },
        { index: 0, kind: 'anomaly' },
        { index: 7, kind: 'anomaly' },
      ],
    }).markup;
    expect(svg.match(/class="marker" data-kind="threshold" data-index="1"/g)).toHaveLength(1);
    expect(svg.match(/fill="#e5484d" class="marker"/g)).toHaveLength(1);
    expect(
      svg.match(/fill="#f5a524" class="marker" data-kind="anomaly" data-index="0"/g),
    ).toHaveLength(1);
    expect(svg.match(/class="marker"/g)).toHaveLength(2);
  });

  it('escapes the sensor id', () => {
    const svg = sensorChart({
      sensorId: '<img src=x onerror=alert(1)>',
      threshold: 80,
      windows: [window(0, 20)],
      markers: [],
    }).markup;
    expect(svg).toContain('aria-label="Window averages of &lt;img src=x onerror=alert(1)&gt;"');
    expect(svg).not.toContain('<img');
  });
});
