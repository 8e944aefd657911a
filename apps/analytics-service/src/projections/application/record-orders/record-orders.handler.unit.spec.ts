import { KafkaEventContext } from '@kafka-commerce/messaging';
import {
  type Line,
  orderCancelled,
  orderConfirmed,
  orderCreated,
  PRODUCT_A,
  PRODUCT_B,
  PRODUCT_C,
} from '../../../testing/events';
import { InMemoryProjections } from '../../../testing/in-memory-projections';
import { OrderEventsConsumer } from '../../messaging/order-events.consumer';
import { GetSummaryHandler } from '../get-summary/get-summary.handler';
import { RecordOrdersHandler } from './record-orders.handler';

const delivery = new KafkaEventContext(['orders', 0, 'analytics-service.orders']);

const lines: Line[] = [
  { productId: PRODUCT_A, quantity: 2, unitPrice: '19.99' },
  { productId: PRODUCT_B, quantity: 1, unitPrice: '5.00' },
];

type OrderEvent =
  | ReturnType<typeof orderCreated>
  | ReturnType<typeof orderConfirmed>
  | ReturnType<typeof orderCancelled>;

/** Delivers batches through the real consumer (its mapping included) into in-memory stores. */
function setup() {
  const projections = new InMemoryProjections();
  const consumer = new OrderEventsConsumer(new RecordOrdersHandler(projections.store));
  const summary = new GetSummaryHandler(projections.reader);
  return {
    summary: () => summary.execute(),
    deliver: (...events: OrderEvent[]) => consumer.onOrderEvents(events, delivery),
  };
}

const ORDER_1 = '11111111-1111-4111-8111-111111111111';
const ORDER_2 = '22222222-2222-4222-8222-222222222222';

describe('RecordOrdersHandler', () => {
  it('counts orders per status and the confirmed revenue', async () => {
    const { deliver, summary } = setup();
    await deliver(orderCreated(ORDER_1, lines, '44.98'), orderCreated(ORDER_2, lines, '44.98'));
    await deliver(orderConfirmed(ORDER_1, lines, '44.98'), orderCancelled(ORDER_2, lines));
    expect(await summary()).toMatchObject({
      orders: { created: 2, confirmed: 1, cancelled: 1 },
      revenue: '44.98',
      topProducts: [
        { productId: PRODUCT_A, quantity: 2, revenue: '39.98' },
        { productId: PRODUCT_B, quantity: 1, revenue: '5.00' },
      ],
    });
  });

  it('converges to the same summary when every event is delivered twice', async () => {
    const { deliver, summary } = setup();
    const events = [
      orderCreated(ORDER_1, lines, '44.98'),
      orderConfirmed(ORDER_1, lines, '44.98'),
      orderCreated(ORDER_2, lines, '44.98'),
    ];
    await deliver(...events);
    const once = await summary();
    await deliver(...events);
    await deliver(events[1]!, events[0]!);
    expect(await summary()).toEqual(once);
  });

  it('takes revenue and top-product units back when a confirmed order is cancelled', async () => {
    const { deliver, summary } = setup();
    await deliver(orderCreated(ORDER_1, lines, '44.98'), orderConfirmed(ORDER_1, lines, '44.98'));
    await deliver(orderCreated(ORDER_2, lines, '44.98'), orderConfirmed(ORDER_2, lines, '44.98'));
    await deliver(orderCancelled(ORDER_1, lines));
    expect(await summary()).toMatchObject({
      orders: { created: 2, confirmed: 1, cancelled: 1 },
      revenue: '44.98',
      topProducts: [
        { productId: PRODUCT_A, quantity: 2, revenue: '39.98' },
        { productId: PRODUCT_B, quantity: 1, revenue: '5.00' },
      ],
    });
    await deliver(orderCancelled(ORDER_2, lines));
    expect(await summary()).toMatchObject({ revenue: '0.00', topProducts: [] });
  });

  it('ranks at most 5 products by confirmed units, ties by product id', async () => {
    const { deliver, summary } = setup();
    const productIds = Array.from(
      { length: 7 },
      (_, i) => `00000000-0000-4000-8000-00000000000${i}`,
    );
    const many: Line[] = productIds.map((productId, i) => ({
      productId,
      quantity: i === 6 ? 1 : 10 - i,
      unitPrice: '1.00',
    }));
    await deliver(
      orderConfirmed(
        ORDER_1,
        [...many, { productId: PRODUCT_C, quantity: 6, unitPrice: '0.50' }],
        '53.00',
      ),
    );
    const top = (await summary()).topProducts;
    expect(top.map((product) => [product.productId, product.quantity])).toEqual([
      [productIds[0], 10],
      [productIds[1], 9],
      [productIds[2], 8],
      [productIds[3], 7],
      [productIds[4], 6],
    ]);
  });
});
