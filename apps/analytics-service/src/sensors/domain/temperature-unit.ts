import { Decimal } from 'decimal.js';
import { type TemperatureUnit } from './temperature-reading';

/**
 * Decimal places a converted reading keeps: 0.0001 °C, far below any thermometer's
 * resolution, so converting loses nothing a sensor measured, and equal Fahrenheit readings
 * stay equal in Celsius (a stuck sensor still looks stuck).
 */
export const CELSIUS_DECIMALS = 4;

/**
 * The reading in °C. Fahrenheit is converted in decimal arithmetic, (F − 32) × 5 / 9, and
 * rounded half-to-even to CELSIUS_DECIMALS; a Celsius reading is kept exactly as reported.
 */
export function toCelsius(value: number, unit: TemperatureUnit): number {
  switch (unit) {
    case 'C':
      return value;
    case 'F':
      return new Decimal(value)
        .minus(32)
        .times(5)
        .dividedBy(9)
        .toDecimalPlaces(CELSIUS_DECIMALS, Decimal.ROUND_HALF_EVEN)
        .toNumber();
  }
}
