import {
  inventoryLowStockV1,
  inventoryRejectedV1,
  paymentProcessedV1,
  productCreatedV1,
  productUpdatedV1,
} from '@kafka-commerce/events';
import { eventFactory } from '@kafka-commerce/testing';

// The events order-service consumes, as whole envelopes built through the real event
// definitions: each payload is the contract's fixture with any field overridden.

const fromInventory = { producer: 'inventory-service', correlationId: 'test-correlation' };
const fromPayments = { producer: 'payment-service', correlationId: 'test-correlation' };

export const productCreated = eventFactory(productCreatedV1, fromInventory);
export const productUpdated = eventFactory(productUpdatedV1, fromInventory);
export const inventoryLowStock = eventFactory(inventoryLowStockV1, fromInventory);
export const inventoryRejected = eventFactory(inventoryRejectedV1, fromInventory);
export const paymentProcessed = eventFactory(paymentProcessedV1, fromPayments);
