import { moneySchema, toDecimal, toMoney } from '@kafka-commerce/money';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_PAYMENT_LIMIT } from '../domain/payment-settings';

/** `PATCH /settings`: the settings to change; the others keep their value. */
export class UpdatePaymentSettingsRequest extends createZodDto(
  z.strictObject({
    // Left out: unchanged. null is not left out, and is refused.
    paymentLimit: moneySchema
      // Piped: compared only once it is known to be money.
      .pipe(
        z.string().refine((limit) => toDecimal(limit).lessThanOrEqualTo(MAX_PAYMENT_LIMIT), {
          error: `must be at most ${MAX_PAYMENT_LIMIT}, the most a payment can hold`,
        }),
      )
      // "50" and "50.00" are the same limit: stored alike, so that neither is a change of the other.
      .transform((limit) => toMoney(toDecimal(limit)))
      .optional()
      .meta({
        description: `Any charge above it is refused (amount_limit_exceeded). A decimal string (never a JSON number) from 0 to ${MAX_PAYMENT_LIMIT}; stored with 2 decimals`,
        example: '5000.00',
      }),
  }),
) {}
