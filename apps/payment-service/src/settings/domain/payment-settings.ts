import { moneySchema, toDecimal } from '@kafka-commerce/money';

/** payment-service's runtime settings (`PATCH /settings`), in effect without a restart. */
export interface PaymentSettings {
  /**
   * The simulated gateway refuses any charge above it with `amount_limit_exceeded`: a money
   * amount as a decimal string (read with decimal.js, never a float).
   */
  readonly paymentLimit: string;
}

/** What a payment's amount column holds (DECIMAL(12,2)): a higher limit would limit nothing. */
export const MAX_PAYMENT_LIMIT = '9999999999.99';

export interface SettingError {
  readonly field: string;
  readonly messages: readonly string[];
}

function isPaymentLimit(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    moneySchema.safeParse(value).success &&
    toDecimal(value).lessThanOrEqualTo(MAX_PAYMENT_LIMIT)
  );
}

export const PAYMENT_LIMIT_RULE = `paymentLimit must be a decimal string with at most 2 decimal places from 0 to ${MAX_PAYMENT_LIMIT}, e.g. "10000.00"`;

/** What is wrong with settings about to be stored (only the fields being changed are judged). */
export function paymentSettingsErrors(
  candidate: PaymentSettings,
  changed: ReadonlySet<keyof PaymentSettings>,
): SettingError[] {
  if (changed.has('paymentLimit') && !isPaymentLimit(candidate.paymentLimit))
    return [{ field: 'paymentLimit', messages: [PAYMENT_LIMIT_RULE] }];
  return [];
}
