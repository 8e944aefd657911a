import { Injectable } from '@nestjs/common';
import { isVisibleTo, type Order, type Viewer } from '../../domain/order';
import { OrderNotFoundError } from '../../domain/order.errors';
import { cancelByCustomer } from '../../domain/order-transitions';
import { orderCancelled } from '../order-events';
import { OrderRepository } from '../ports/order-repository';
import { SettlementObserver } from '../ports/settlement-observer';

export interface CancelOrder {
  readonly orderId: string;
  readonly viewer: Viewer;
}

@Injectable()
export class CancelOrderHandler {
  constructor(
    private readonly orders: OrderRepository,
    private readonly settlementObserver: SettlementObserver,
  ) {}

  /** Throws OrderNotFoundError (also for someone else's order) or OrderAlreadyCancelledError. */
  async execute({ orderId, viewer }: CancelOrder): Promise<Order> {
    const outcome = await this.orders.update(orderId, (order) => {
      if (!isVisibleTo(order, viewer)) throw new OrderNotFoundError(orderId);
      const cancelled = cancelByCustomer(order, new Date());
      return { order: cancelled, events: [orderCancelled(cancelled, null)] };
    });
    switch (outcome.kind) {
      case 'changed':
        // A PENDING order cancelled by its customer is settled too: the saga stops there.
        this.settlementObserver.orderChanged(outcome.order);
        return outcome.order;
      case 'unchanged':
        return outcome.order;
      case 'not_found':
      case 'duplicate':
        throw new OrderNotFoundError(orderId);
    }
  }
}
