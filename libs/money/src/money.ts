import { Decimal } from 'decimal.js';
import { z } from 'zod';

export { Decimal };

/** 17 integer digits + "." + 2 decimals: far above any real amount, exact in decimal.js. */
const MONEY_MAX_LENGTH = 20;
/** Canonical decimal notation only: no sign, exponent, leading zeros or bare ".". */
const MONEY_PATTERN = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

/**
 * An amount of money on the wire: a non-negative decimal string with at most two decimal
 * places, e.g. "19.99". Never a JSON number, which would be a binary float in most readers.
 */
export const moneySchema = z.string().max(MONEY_MAX_LENGTH).regex(MONEY_PATTERN, {
  error: 'expected a non-negative decimal string with at most 2 decimal places, e.g. "19.99"',
});

/** A money amount as carried in event payloads (see {@link moneySchema}). */
export type Money = z.infer<typeof moneySchema>;

/** Reads a money string for arithmetic. Throws a RangeError if it is not valid money. */
export function toDecimal(money: string): Decimal {
  if (!moneySchema.safeParse(money).success) {
    throw new RangeError(`not a money amount: "${money}"`);
  }
  return new Decimal(money);
}

/**
 * Writes an amount as money: always two decimal places, rounded half-up (commercial
 * rounding). Throws a RangeError for NaN, infinities, negative amounts or amounts too large.
 */
export function toMoney(value: Decimal): Money {
  if (!value.isFinite()) throw new RangeError(`not a finite amount: ${value.toString()}`);
  if (value.isNegative() && !value.isZero()) {
    throw new RangeError(`money cannot be negative: ${value.toString()}`);
  }
  // Negative zero would print as "-0.00".
  const money = value.isZero() ? '0.00' : value.toFixed(2, Decimal.ROUND_HALF_UP);
  if (money.length > MONEY_MAX_LENGTH) throw new RangeError(`amount too large: ${money}`);
  return money;
}
