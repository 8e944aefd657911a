import {
  createEvent,
  type EventOrigin,
  inventoryLowStockV1,
  inventoryRejectedV1,
  inventoryReleasedV1,
  inventoryReservedV1,
  type OutgoingEvent,
} from '@kafka-commerce/events';
import { INVENTORY_SERVICE } from '../../config/inventory-service.config';
import { availableOf, type Product } from '../domain/product';
import { type RejectionReason } from '../domain/plan-reservation';
import { type Reservation } from '../domain/reservation';

/** Events caused by an order event belong to that order's story. */
export function originOf(orderId: string, causationId: string): EventOrigin {
  return { producer: INVENTORY_SERVICE, correlationId: orderId, causationId };
}

export function reservedEvent(
  reservation: Reservation,
  origin: EventOrigin,
  now: Date,
): OutgoingEvent {
  return createEvent(
    inventoryReservedV1,
    { orderId: reservation.orderId, items: [...reservation.lines], reservedAt: now.toISOString() },
    origin,
    now,
  );
}

export function rejectedEvent(
  orderId: string,
  reason: RejectionReason,
  productIds: readonly string[],
  origin: EventOrigin,
  now: Date,
): OutgoingEvent {
  return createEvent(
    inventoryRejectedV1,
    { orderId, reason, productIds: [...productIds], rejectedAt: now.toISOString() },
    origin,
    now,
  );
}

export function releasedEvent(
  reservation: Reservation,
  origin: EventOrigin,
  now: Date,
): OutgoingEvent {
  return createEvent(
    inventoryReleasedV1,
    { orderId: reservation.orderId, items: [...reservation.lines], releasedAt: now.toISOString() },
    origin,
    now,
  );
}

export function lowStockEvent(product: Product, origin: EventOrigin, now: Date): OutgoingEvent {
  return createEvent(
    inventoryLowStockV1,
    {
      productId: product.id,
      sku: product.sku,
      available: availableOf(product),
      threshold: product.lowStockThreshold,
      detectedAt: now.toISOString(),
    },
    origin,
    now,
  );
}
