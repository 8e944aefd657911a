import { type Scenario } from '../scenario';

const STOCK = 50;
const ORDERS = 200;

export const oversell: Scenario = {
  name: 'oversell-200-on-50',
  title: `${ORDERS} concurrent orders of one unit each on a product with stock ${STOCK}`,
  quick: true,
  async run({ stack, fixture, load, violation, atQuiescence }) {
    const fixed = await fixture({ customers: 10, products: 1, stock: STOCK });
    const { placed } = await load(fixed, { orders: ORDERS, concurrency: ORDERS, quantity: 1 });
    atQuiescence(async () => {
      const rows = await stack.query<{ confirmed: number }>(
        'order-service',
        `SELECT count(*)::int AS confirmed FROM orders WHERE id = ANY($1::uuid[]) AND status = 'CONFIRMED'`,
        [placed.map((order) => order.id)],
      );
      const confirmed = rows[0]?.confirmed ?? 0;
      if (confirmed !== Math.min(STOCK, placed.length))
        violation(
          'stock-never-oversold',
          `${confirmed} of ${placed.length} orders confirmed on a stock of ${STOCK}`,
        );
    });
  },
};
