import { KafkaEventContext } from '@kafka-commerce/messaging';
import {
  type Line,
  orderCancelled,
  orderConfirmed,
  orderCreated,
  PRODUCT_A,
} from '../../testing/events';
import { InMemoryProjections } from '../../testing/in-memory-projections';
import { RecordOrdersHandler } from '../application/record-orders/record-orders.handler';
import { ProjectionStore, type ProjectionTransaction } from '../application/ports/projection-store';
import { type SummaryDelta } from '../domain/summary-delta';
import { OrderEventsConsumer } from './order-events.consumer';

const delivery = new KafkaEventContext(['orders', 0, 'analytics-service.orders']);
const ORDER = '11111111-1111-4111-8111-111111111111';
const lines: Line[] = [{ productId: PRODUCT_A, quantity: 2, unitPrice: '19.99' }];

/** The in-memory store, recording the per-day part of every delta it applies. */
class RecordingStore extends ProjectionStore {
  readonly days: unknown[] = [];
  private readonly inner = new InMemoryProjections().store;

  inTransaction<T>(work: (tx: ProjectionTransaction) => Promise<T>): Promise<T> {
    return this.inner.inTransaction((tx) =>
      work({
        ...tx,
        apply: (delta: SummaryDelta) => {
          this.days.push(
            ...delta.dailyCounters().map(({ day, key, change }) => [day, key, change.count]),
            ...delta.cancellations().map(({ day, key, change }) => [day, key, change]),
            ...delta.dailyProducts().map(({ day, key, change }) => [day, key, change.quantity]),
          );
          return tx.apply(delta);
        },
      }),
    );
  }
}

function withTimestamp<E extends { payload: object }>(event: E, field: string, at: string): E {
  return { ...event, payload: { ...event.payload, [field]: at } };
}

describe('OrderEventsConsumer, per day', () => {
  it('counts each order event on the UTC day of its own timestamp, once', async () => {
    const store = new RecordingStore();
    const consumer = new OrderEventsConsumer(new RecordOrdersHandler(store));
    const events = [
      withTimestamp(orderCreated(ORDER, lines, '39.98'), 'createdAt', '2026-11-30T23:59:59.999Z'),
      withTimestamp(
        orderConfirmed(ORDER, lines, '39.98'),
        'confirmedAt',
        '2026-12-01T00:30:00.000+01:00',
      ),
      withTimestamp(orderCancelled(ORDER, lines), 'cancelledAt', '2026-12-02T08:00:00.000-05:00'),
    ];
    await consumer.onOrderEvents(events, delivery);
    await consumer.onOrderEvents(events, delivery);
    // The confirmation (11-30 23:30 UTC) is taken back by the cancellation (12-02).
    expect(store.days).toEqual([
      ['2026-11-30', 'orders.created', 1],
      ['2026-12-02', 'orders.cancelled', 1],
      ['2026-12-02', 'customer_request', 1],
    ]);
  });

  it('keeps a confirmation on its day until a cancellation takes it back', async () => {
    const store = new RecordingStore();
    const consumer = new OrderEventsConsumer(new RecordOrdersHandler(store));
    await consumer.onOrderEvents(
      [
        orderCreated(ORDER, lines, '39.98'),
        withTimestamp(orderConfirmed(ORDER, lines, '39.98'), 'confirmedAt', '2026-11-27T00:00:00Z'),
      ],
      delivery,
    );
    await consumer.onOrderEvents(
      [withTimestamp(orderCancelled(ORDER, lines), 'cancelledAt', '2026-11-28T00:00:00Z')],
      delivery,
    );
    expect(store.days).toEqual([
      ['2026-11-26', 'orders.created', 1],
      ['2026-11-27', 'orders.confirmed', 1],
      ['2026-11-27', PRODUCT_A, 2],
      ['2026-11-27', 'orders.confirmed', -1],
      ['2026-11-28', 'orders.cancelled', 1],
      ['2026-11-28', 'customer_request', 1],
      ['2026-11-27', PRODUCT_A, -2],
    ]);
  });
});
