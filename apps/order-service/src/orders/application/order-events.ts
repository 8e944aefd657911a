import { toMoney } from '@kafka-commerce/money';
import {
  createEvent,
  type OutgoingEvent,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
} from '@kafka-commerce/events';
import { ORDER_SERVICE } from '../../config/order-service.config';
import { type Order } from '../domain/order';

// Every event of an order is correlated by the order id; the cause is the consumed event
// that led to it, or null when a client request did.
function origin(order: Order, causationId: string | null) {
  return { producer: ORDER_SERVICE, correlationId: order.id, causationId };
}

function pricedItems(order: Order) {
  return order.lines.map(({ productId, quantity, unitPrice }) => ({
    productId,
    quantity,
    unitPrice: toMoney(unitPrice),
  }));
}

export function orderCreated(order: Order): OutgoingEvent {
  return createEvent(
    orderCreatedV1,
    {
      orderId: order.id,
      userId: order.userId,
      items: pricedItems(order),
      totalAmount: toMoney(order.totalAmount),
      shippingAddress: { ...order.shippingAddress },
      paymentMethod: order.paymentMethod,
      createdAt: order.createdAt.toISOString(),
    },
    origin(order, null),
  );
}

export function orderConfirmed(order: Order, causationId: string | null): OutgoingEvent {
  return createEvent(
    orderConfirmedV1,
    {
      orderId: order.id,
      userId: order.userId,
      items: pricedItems(order),
      totalAmount: toMoney(order.totalAmount),
      confirmedAt: order.updatedAt.toISOString(),
    },
    origin(order, causationId),
  );
}

export function orderCancelled(order: Order, causationId: string | null): OutgoingEvent {
  if (order.cancellationReason === null) {
    throw new Error(`order ${order.id} is not cancelled: no order.cancelled to publish`);
  }
  return createEvent(
    orderCancelledV1,
    {
      orderId: order.id,
      userId: order.userId,
      reason: order.cancellationReason,
      items: order.lines.map(({ productId, quantity }) => ({ productId, quantity })),
      cancelledAt: order.updatedAt.toISOString(),
    },
    origin(order, causationId),
  );
}
