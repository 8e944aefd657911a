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
