import { z } from 'zod';
import { moneySchema } from '@kafka-commerce/money';

// Building blocks shared by event payloads. Changing one changes every published version
// that uses it, which the schema snapshot test will refuse: add new blocks instead.

/** An instant with an explicit UTC offset, e.g. "2026-11-26T10:00:00.000Z". */
export const timestampSchema = z.iso.datetime({ offset: true });

/** A count of units of one product: a whole number, at least one. */
export const quantitySchema = z.number().int().positive();

/** A count that may be zero (stock levels, thresholds). */
export const stockCountSchema = z.number().int().nonnegative();

/** A non-empty line of text. */
export const textSchema = z.string().min(1);

/** How many units of which product, without prices (reservations, cancellations). */
export const lineItemSchema = z.object({
  productId: z.uuid(),
  quantity: quantitySchema,
});

/** A line of an order, priced at the moment the order was placed. */
export const pricedLineItemSchema = z.object({
  productId: z.uuid(),
  quantity: quantitySchema,
  unitPrice: moneySchema,
});
