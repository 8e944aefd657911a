import { toDecimal } from '@kafka-commerce/money';
import { type Prisma } from '../../generated/prisma/client';
import { type Order } from '../domain/order';

/** What an order is read with: its lines in the order given, its history oldest first. */
export const ORDER_INCLUDE = {
  items: { orderBy: { position: 'asc' } },
  history: { orderBy: { id: 'asc' } },
} as const satisfies Prisma.OrderInclude;

export type OrderRecord = Prisma.OrderGetPayload<{ include: typeof ORDER_INCLUDE }>;

// Prisma returns its own Decimal; money goes through its canonical string form.
const money = (value: Prisma.Decimal) => toDecimal(value.toString());

export function toOrder(record: OrderRecord): Order {
  return {
    id: record.id,
    userId: record.userId,
    status: record.status,
    lines: record.items.map((item) => ({
      productId: item.productId,
      quantity: item.quantity,
      unitPrice: money(item.unitPrice),
    })),
    totalAmount: money(record.totalAmount),
    shippingAddress: {
      street: record.shippingStreet,
      city: record.shippingCity,
      postalCode: record.shippingPostalCode,
      country: record.shippingCountry,
    },
    paymentMethod: record.paymentMethod,
    cancellationReason: record.cancellationReason,
    idempotencyKey: record.idempotencyKey,
    history: record.history.map(({ status, reason, at }) => ({ status, reason, at })),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
