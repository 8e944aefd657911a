import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Order, placeOrder, type ShippingAddress } from '../../domain/order';
import { priceLines, type RequestedLine } from '../../domain/pricing';
import { orderCreated } from '../order-events';
import { DuplicateIdempotencyKeyError, OrderRepository } from '../ports/order-repository';
import { PriceCatalog } from '../ports/price-catalog';

export interface PlaceOrder {
  readonly userId: string;
  readonly items: readonly RequestedLine[];
  readonly shippingAddress: ShippingAddress;
  readonly paymentMethod: string;
  /** Same key from the same user → the same order, never a second one. */
  readonly idempotencyKey: string | null;
}

export interface PlacedOrder {
  readonly order: Order;
  /** True when the key had been used before and the earlier order is returned. */
  readonly replayed: boolean;
}

@Injectable()
export class PlaceOrderHandler {
  constructor(
    private readonly orders: OrderRepository,
    private readonly catalog: PriceCatalog,
  ) {}

  /** Throws UnknownProductsError or OrderTotalTooLargeError for orders that cannot be priced. */
  async execute(command: PlaceOrder): Promise<PlacedOrder> {
    const { userId, idempotencyKey } = command;
    if (idempotencyKey !== null) {
      const earlier = await this.orders.findByIdempotencyKey(userId, idempotencyKey);
      if (earlier) return { order: earlier, replayed: true };
    }
    const prices = await this.catalog.pricesOf(command.items.map((item) => item.productId));
    const { lines, totalAmount } = priceLines(command.items, prices);
    const order = placeOrder({
      id: randomUUID(),
      userId,
      lines,
      totalAmount,
      shippingAddress: command.shippingAddress,
      paymentMethod: command.paymentMethod,
      idempotencyKey,
      at: new Date(),
    });
    try {
      await this.orders.create(order, [orderCreated(order)]);
      return { order, replayed: false };
    } catch (error) {
      if (!(error instanceof DuplicateIdempotencyKeyError) || idempotencyKey === null) throw error;
      // A concurrent request with the same key committed first: its order is the answer.
      const winner = await this.orders.findByIdempotencyKey(userId, idempotencyKey);
      if (!winner) throw error;
      return { order: winner, replayed: true };
    }
  }
}
