import {
  createEvent,
  type EventOrigin,
  inventoryLowStockV1,
  inventoryRejectedV1,
  inventoryReleasedV1,
  inventoryReservedV1,
  type OutgoingEvent,
  productCreatedV1,
  productUpdatedV1,
} from '@kafka-commerce/events';
import { INVENTORY_SERVICE } from '../../config/inventory-service.config';
import { type RejectionReason } from '../domain/plan-reservation';
import { availableOf, type Product } from '../domain/product';
import { type Reservation } from '../domain/reservation';

// Every event inventory-service publishes, built here from the domain's facts.

/** Events caused by an order event belong to that order's story. */
export function originOf(orderId: string, causationId: string): EventOrigin {
  return { producer: INVENTORY_SERVICE, correlationId: orderId, causationId };
}

/** Events of a change a request made (a product created or restocked) carry its correlation id. */
export function requestOrigin(correlationId: string): EventOrigin {
  return { producer: INVENTORY_SERVICE, correlationId };
}

export function productCreatedEvent(product: Product, origin: EventOrigin): OutgoingEvent {
  return createEvent(
    productCreatedV1,
    {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      price: product.price,
      stock: product.stock,
      lowStockThreshold: product.lowStockThreshold,
      createdAt: product.createdAt.toISOString(),
    },
    origin,
  );
}

/**
 * product.updated carries catalog data only (no counters): it marks the change for
 * projections, which read stock levels over REST.
 */
export function productUpdatedEvent(
  product: Product,
  origin: EventOrigin,
  now: Date,
): OutgoingEvent {
  return createEvent(
    productUpdatedV1,
    {
      productId: product.id,
      sku: product.sku,
      name: product.name,
      price: product.price,
      updatedAt: now.toISOString(),
    },
    origin,
    now,
  );
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
