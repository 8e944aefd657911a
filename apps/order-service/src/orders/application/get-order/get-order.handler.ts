import { Injectable } from '@nestjs/common';
import { isVisibleTo, type Order, type Viewer } from '../../domain/order';
import { OrderNotFoundError } from '../../domain/order.errors';
import { OrderRepository } from '../ports/order-repository';

export interface GetOrder {
  readonly orderId: string;
  readonly viewer: Viewer;
}

@Injectable()
export class GetOrderHandler {
  constructor(private readonly orders: OrderRepository) {}

  /** Someone else's order is reported as missing, so ids cannot be probed. */
  async execute({ orderId, viewer }: GetOrder): Promise<Order> {
    const order = await this.orders.findById(orderId);
    if (!order || !isVisibleTo(order, viewer)) throw new OrderNotFoundError(orderId);
    return order;
  }
}
