import { moneySchema, toDecimal } from '@kafka-commerce/money';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_PRICE, MAX_UNITS } from '../domain/product';

/** Text that is not blank and has no surrounding spaces (they would make "equal" SKUs differ). */
const TRIMMED_TEXT = /^\S(?:.*\S)?$/;

function trimmedText(field: string, maxLength: number) {
  return z
    .string()
    .max(maxLength)
    .regex(TRIMMED_TEXT, { error: `${field} must not be blank or start or end with spaces` });
}

/** Units of a product: whole, from 0 to what its INTEGER counters hold in all. */
const units = z.number().int().min(0).max(MAX_UNITS);

/** Money as the events carry it, no more than the DECIMAL(12, 2) column holds. */
const price = moneySchema.refine((amount) => toDecimal(amount).lessThanOrEqualTo(MAX_PRICE), {
  error: `price must be at most ${MAX_PRICE}`,
  // Only money reaches the comparison (moneySchema's own refusal says what is wrong).
  when: (payload) => payload.issues.length === 0,
});

export class CreateProductRequest extends createZodDto(
  z.strictObject({
    sku: trimmedText('sku', 64).meta({
      example: 'MUG-001',
      description: 'Unique stock-keeping unit',
    }),
    name: trimmedText('name', 200).meta({ example: 'Kafka mug' }),
    price: price.meta({
      example: '19.99',
      description: 'Decimal string, at most 2 decimal places',
    }),
    stock: units.meta({ example: 100, description: 'Opening stock' }),
    lowStockThreshold: units.meta({
      example: 10,
      description: 'inventory.low-stock is emitted when available falls to or below this',
    }),
  }),
) {}
