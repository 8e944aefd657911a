import { toMoney } from '@kafka-commerce/money';
import { type Order } from '../domain/order';
import {
  type OrderLineResponse,
  type OrderResponse,
  type PlacedOrderResponse,
} from './order.response';

function lines(order: Order): OrderLineResponse[] {
  return order.lines.map(({ productId, quantity, unitPrice }) => ({
    productId,
    quantity,
    unitPrice: toMoney(unitPrice),
  }));
}

/** Built only from what never changes after placement, so a replay gets the same body. */
export function toPlacedOrderResponse(order: Order): PlacedOrderResponse {
  return {
    id: order.id,
    userId: order.userId,
    status: 'PENDING',
    items: lines(order),
    totalAmount: toMoney(order.totalAmount),
    shippingAddress: { ...order.shippingAddress },
    paymentMethod: order.paymentMethod,
    createdAt: order.createdAt.toISOString(),
  };
}

export function toOrderResponse(order: Order): OrderResponse {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status,
    items: lines(order),
    totalAmount: toMoney(order.totalAmount),
    shippingAddress: { ...order.shippingAddress },
    paymentMethod: order.paymentMethod,
    ...(order.cancellationReason === null ? {} : { cancellationReason: order.cancellationReason }),
    history: order.history.map(({ status, reason, at }) => ({
      status,
      ...(reason === null ? {} : { reason }),
      at: at.toISOString(),
    })),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
