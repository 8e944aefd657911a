import { type SensorFault } from '../sensors/domain/anomaly-detector';
import { type TemperatureReading } from '../sensors/domain/temperature-reading';

// A labelled test series for the anomaly detector: steady sensors with Gaussian noise and
// known faults injected at known readings. Seeded, so every run sees the same series.

export interface InjectedAnomaly {
  readonly sensorId: string;
  readonly fault: SensorFault;
  /** Positions in the sensor's own series, both included. */
  readonly from: number;
  readonly to: number;
}

export interface SyntheticSeries {
  /** Every sensor's readings, interleaved in arrival order. */
  readonly readings: readonly TemperatureReading[];
  readonly anomalies: readonly InjectedAnomaly[];
  /** Each reading's position in its sensor's series. */
  readonly positionOf: ReadonlyMap<TemperatureReading, number>;
}

export interface SeriesShape {
  readonly sensors: number;
  readonly length: number;
  readonly spikesPerSensor: number;
  /** Sensors (by index) that drift, and that get stuck. */
  readonly drifting: readonly number[];
  readonly sticking: readonly number[];
}

const T0 = Date.parse('2026-11-26T00:00:00.000Z');
const DRIFT_LENGTH = 200;
const STUCK_LENGTH = 25;
/** Readings left undisturbed after an injected fault, so faults do not overlap. */
const GAP = 60;

export function syntheticSeries(seed: number, shape: SeriesShape): SyntheticSeries {
  const random = mulberry32(seed);
  const gaussian = () => {
    // Box–Muller; 1 - u keeps log away from 0.
    const u = 1 - random();
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const series: number[][] = [];
  const anomalies: InjectedAnomaly[] = [];
  for (let s = 0; s < shape.sensors; s++) {
    const sensorId = `synthetic-${s}`;
    const level = 10 + 20 * random();
    const sigma = 0.2 + 0.8 * random();
    const values = Array.from({ length: shape.length }, () => level + sigma * gaussian());
    const taken: [number, number][] = [];
    const place = (length: number): number => {
      for (;;) {
        const from = 100 + Math.floor(random() * (shape.length - 100 - length - GAP));
        const to = from + length - 1;
        if (taken.every(([a, b]) => to + GAP < a || from > b + GAP)) {
          taken.push([from, to]);
          return from;
        }
      }
    };
    if (shape.drifting.includes(s)) {
      // Rises 4–6 standard deviations over DRIFT_LENGTH readings, then stays there.
      const from = place(DRIFT_LENGTH);
      const slope = ((4 + 2 * random()) * sigma) / DRIFT_LENGTH;
      for (let i = from; i < shape.length; i++) {
        values[i] = (values[i] ?? level) + slope * Math.min(i - from + 1, DRIFT_LENGTH);
      }
      anomalies.push({ sensorId, fault: 'drift', from, to: from + DRIFT_LENGTH - 1 });
    }
    if (shape.sticking.includes(s)) {
      const from = place(STUCK_LENGTH);
      const stuckAt = values[from - 1] ?? level;
      for (let i = from; i < from + STUCK_LENGTH; i++) values[i] = stuckAt;
      anomalies.push({ sensorId, fault: 'stuck', from, to: from + STUCK_LENGTH - 1 });
    }
    for (let k = 0; k < shape.spikesPerSensor; k++) {
      const at = place(1);
      const sign = random() < 0.5 ? -1 : 1;
      values[at] = (values[at] ?? level) + sign * (6 + 4 * random()) * sigma;
      anomalies.push({ sensorId, fault: 'spike', from: at, to: at });
    }
    series.push(values);
  }
  const readings: TemperatureReading[] = [];
  const positionOf = new Map<TemperatureReading, number>();
  for (let i = 0; i < shape.length; i++) {
    series.forEach((values, s) => {
      const reading: TemperatureReading = {
        sensorId: `synthetic-${s}`,
        temperature: values[i] ?? 0,
        timestamp: new Date(T0 + i * 1000),
        eventId: `event-${s}-${i}`,
        correlationId: `synthetic-${s}`,
      };
      readings.push(reading);
      positionOf.set(reading, i);
    });
  }
  return { readings, anomalies, positionOf };
}

/** A small, fast, seedable PRNG (public domain), uniform on [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
