import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QUANTITY = 1000;

/**
 * Characters as the limits were always counted: a symbol outside the Basic Multilingual
 * Plane (two UTF-16 units) or a symbol with its emoji/text presentation selector is one.
 */
function characterCount(text: string): number {
  const selected = text.match(/[^\uFE0E\uFE0F][\uFE0E\uFE0F]/g)?.length ?? 0;
  const surrogatePairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return text.length - selected - surrogatePairs;
}

/** Required, non-empty text of at most `max` characters. */
function text(max: number) {
  return z
    .string()
    .min(1)
    .refine((value) => characterCount(value) <= max, {
      error: `must be at most ${max} characters`,
    })
    .meta({ maxLength: max });
}

const orderLine = z.strictObject({
  productId: z.uuid(),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).meta({ example: 2 }),
});

const shippingAddress = z.strictObject({
  street: text(200).meta({ example: '12 Analytical Row' }),
  city: text(100).meta({ example: 'London' }),
  postalCode: text(20).meta({ example: 'N1 9GU' }),
  country: text(100).meta({ example: 'GB' }),
});

export class PlaceOrderRequest extends createZodDto(
  z.strictObject({
    items: z
      .array(orderLine)
      .min(1)
      .max(MAX_ORDER_LINES)
      .meta({ description: 'Lines naming the same product are merged into one.' }),
    shippingAddress,
    paymentMethod: text(100).meta({ example: 'card' }),
  }),
) {}
