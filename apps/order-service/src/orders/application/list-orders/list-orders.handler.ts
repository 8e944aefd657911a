import { Injectable } from '@nestjs/common';
import { type Order } from '../../domain/order';
import { OrderRepository } from '../ports/order-repository';

export interface ListOrders {
  readonly userId: string;
  /** 1-based. */
  readonly page: number;
  readonly pageSize: number;
}

export interface OrderList {
  readonly orders: readonly Order[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
}

@Injectable()
export class ListOrdersHandler {
  constructor(private readonly orders: OrderRepository) {}

  async execute({ userId, page, pageSize }: ListOrders): Promise<OrderList> {
    const { orders, total } = await this.orders.listByUser(userId, (page - 1) * pageSize, pageSize);
    return { orders, page, pageSize, total };
  }
}
