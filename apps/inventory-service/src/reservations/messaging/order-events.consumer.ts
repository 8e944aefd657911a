import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  type EventOf,
  orderCancelledV1,
  orderConfirmedV1,
  orderCreatedV1,
  TOPICS,
} from '@kafka-commerce/events';
import { EventHandler, KafkaEventContext } from '@kafka-commerce/messaging';
import { ConfirmReservationHandler } from '../application/confirm-reservation/confirm-reservation.handler';
import { ReleaseReservationHandler } from '../application/release-reservation/release-reservation.handler';
import { ReserveStockHandler } from '../application/reserve-stock/reserve-stock.handler';

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
  async onOrderEvent(
    @Payload() event: OrderEvent,
    @Ctx() delivery: KafkaEventContext,
  ): Promise<void> {
    switch (event.type) {
      case 'order.created':
        await this.reserveStock.execute({ consumer: delivery.getConsumer(), event });
        return;
      case 'order.confirmed':
        await this.confirmReservation.execute({ consumer: delivery.getConsumer(), event });
        return;
      case 'order.cancelled':
        await this.releaseReservation.execute({ consumer: delivery.getConsumer(), event });
        return;
    }
  }
}
