import { type RenderedMessage } from '../notification';
import { lines } from './format';

export interface LowStockData {
  readonly productId: string;
  readonly sku: string;
  readonly available: number;
  readonly threshold: number;
  readonly detectedAt: string;
}

export function lowStockMessage(data: LowStockData): RenderedMessage {
  return {
    subject: `Low stock: ${data.sku} (${data.available} left)`,
    body: lines(
      `Product ${data.sku} (${data.productId}) is running low.`,
      `Available: ${data.available}, threshold: ${data.threshold}.`,
      `Detected at ${data.detectedAt}. Restock with POST /products/${data.productId}/restock.`,
    ),
  };
}

export interface SensorAlertData {
  readonly sensorId: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly count: number;
  readonly average: number;
  readonly threshold: number;
}

/** Temperatures are measurements, not money: two decimals is plenty for a person. */
function temperature(value: number): string {
  return value.toFixed(2);
}

export interface SensorAnomalyData {
  readonly sensorId: string;
  readonly fault: 'spike' | 'drift' | 'stuck';
  readonly readingAt: string;
  readonly temperature: number;
  readonly expected: number;
  readonly score: number;
}

const FAULTS: Record<SensorAnomalyData['fault'], string> = {
  spike: 'a spike',
  drift: 'a drift away from its usual level',
  stuck: 'a stuck value',
};

export function sensorAnomalyMessage(data: SensorAnomalyData): RenderedMessage {
  return {
    subject: `Sensor anomaly: ${data.sensorId} read ${temperature(data.temperature)} (${data.fault})`,
    body: lines(
      `Sensor ${data.sensorId} shows ${FAULTS[data.fault]}: it read ${temperature(data.temperature)}`,
      `at ${data.readingAt}, where its recent readings made ${temperature(data.expected)} likely`,
      `(score ${temperature(data.score)}).`,
    ),
  };
}

export function sensorAlertMessage(data: SensorAlertData): RenderedMessage {
  return {
    subject: `Sensor alert: ${data.sensorId} averaged ${temperature(data.average)} (threshold ${temperature(data.threshold)})`,
    body: lines(
      `Sensor ${data.sensorId} averaged ${temperature(data.average)} over ${data.count} readings,`,
      `above the alert threshold of ${temperature(data.threshold)}.`,
      `Window: ${data.windowStart} – ${data.windowEnd}.`,
    ),
  };
}
