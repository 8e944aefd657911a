import {
  inventoryRejectedV1,
  inventoryReleasedV1,
  inventoryReservedV1,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
} from '@kafka-commerce/events';
import { eventFactory } from '@kafka-commerce/testing';

// The events payment-service consumes, as whole envelopes built through the real event
// definitions: each payload is the contract's fixture with any field overridden.

const fromOrders = { producer: 'order-service', correlationId: 'test-correlation' };
const fromInventory = { producer: 'inventory-service', correlationId: 'test-correlation' };

export const orderCreated = eventFactory(orderCreatedV1, fromOrders);
export const orderConfirmed = eventFactory(orderConfirmedV1, fromOrders);
export const orderCancelled = eventFactory(orderCancelledV1, fromOrders);
export const inventoryReserved = eventFactory(inventoryReservedV1, fromInventory);
export const inventoryRejected = eventFactory(inventoryRejectedV1, fromInventory);
export const inventoryReleased = eventFactory(inventoryReleasedV1, fromInventory);
