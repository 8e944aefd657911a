import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  type EventOf,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler } from '@kafka-commerce/messaging';
import { INVENTORY_SERVICE } from '../../config/inventory-service.config';
import { ConfirmReservationHandler } from '../application/confirm-reservation/confirm-reservation.handler';
import { ReleaseReservationHandler } from '../application/release-reservation/release-reservation.handler';
import { ReserveStockHandler } from '../application/reserve-stock/reserve-stock.handler';

/** Also the inbox's consumer name: it must never change, or events would be applied again. */
const CONSUMER = `${INVENTORY_SERVICE}.${TOPICS.orders.name}`;

type OrderEvent =
  | EventOf<typeof orderCreatedV1>
  | EventOf<typeof orderConfirmedV1>
  | EventOf<typeof orderCancelledV1>;

/**
 * orders topic → reservations. One event per transaction (not batches): each order locks
 * only its own products, so orders for different products proceed in parallel.
 */
@Controller()
export class OrderEventsConsumer {
  constructor(
    private readonly reserveStock: ReserveStockHandler,
    private readonly confirmReservation: ConfirmReservationHandler,
    private readonly releaseReservation: ReleaseReservationHandler,
  ) {}

  @EventHandler(TOPICS.orders.name, {
    accepts: [orderCreatedV1, orderConfirmedV1, orderCancelledV1],
  })
  async onOrderEvent(@Payload() event: OrderEvent): Promise<void> {
    switch (event.type) {
      case 'order.created':
        await this.reserveStock.execute({ consumer: CONSUMER, event });
        return;
      case 'order.confirmed':
        await this.confirmReservation.execute({ consumer: CONSUMER, event });
        return;
      case 'order.cancelled':
        await this.releaseReservation.execute({ consumer: CONSUMER, event });
        return;
    }
  }
}
