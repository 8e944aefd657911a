import { Logger } from '@nestjs/common';
import { KafkaEventContext } from '@kafka-commerce/messaging';
import { orderCancelled, orderConfirmed, orderCreated } from '../../testing/events';
import { InMemoryStockLedger } from '../../testing/in-memory-stock-ledger';
import { aProduct } from '../../testing/product-builder';
import { ApplyOrderCommandsHandler } from '../application/apply-order-commands/apply-order-commands.handler';
import { ConfirmReservationHandler } from '../application/confirm-reservation/confirm-reservation.handler';
import { ReleaseReservationHandler } from '../application/release-reservation/release-reservation.handler';
import { ReserveStockHandler } from '../application/reserve-stock/reserve-stock.handler';
import { orderCommandOf, OrderEventsConsumer } from './order-events.consumer';

const consumer = 'inventory-service.orders';
const delivery = new KafkaEventContext(['orders', 0, consumer]);

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe('orderCommandOf', () => {
  const lines = [
    { productId: '7a9e4c2d-1b3f-4e5a-9b6c-8d7e6f5a4b3c', quantity: 2 },
    { productId: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b', quantity: 1 },
  ];

  it('asks to reserve what order.created lists, without the prices', () => {
    const event = orderCreated(lines);
    expect(orderCommandOf(event)).toEqual({
      kind: 'reserve',
      eventId: event.eventId,
      orderId: event.payload.orderId,
      lines,
    });
  });

  it('asks to confirm or release an order by its id alone', () => {
    const created = orderCreated(lines);
    const confirmed = orderConfirmed(lines, created.payload.orderId);
    const cancelled = orderCancelled(lines, created.payload.orderId);
    expect(orderCommandOf(confirmed)).toEqual({
      kind: 'confirm',
      eventId: confirmed.eventId,
      orderId: created.payload.orderId,
    });
    expect(orderCommandOf(cancelled)).toEqual({
      kind: 'release',
      eventId: cancelled.eventId,
      orderId: created.payload.orderId,
    });
  });
});

describe('OrderEventsConsumer', () => {
  function setUp() {
    const mug = aProduct({ stock: 10 });
    const ledger = new InMemoryStockLedger([mug]);
    const batch = new ApplyOrderCommandsHandler(
      ledger,
      new ReserveStockHandler(ledger),
      new ConfirmReservationHandler(ledger),
      new ReleaseReservationHandler(ledger),
    );
    return { mug, ledger, orders: new OrderEventsConsumer(batch) };
  }

  it('applies a fetched batch once, the events caused by the order events', async () => {
    const { mug, ledger, orders } = setUp();
    const created = orderCreated([{ productId: mug.id, quantity: 3 }]);
    const cancelled = orderCancelled([{ productId: mug.id, quantity: 3 }], created.payload.orderId);

    await orders.onOrderEvents([created, cancelled], delivery);
    await orders.onOrderEvents([created, cancelled], delivery);

    expect(ledger.product(mug.id)).toMatchObject({ stock: 10, reserved: 0 });
    expect(ledger.outbox.map(({ envelope }) => [envelope.type, envelope.causationId])).toEqual([
      ['inventory.reserved', created.eventId],
      ['inventory.released', cancelled.eventId],
    ]);
  });
});
