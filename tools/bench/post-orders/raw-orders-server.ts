import { randomUUID } from 'node:crypto';
import { createEvent, orderCreatedV1 } from '@kafka-commerce/events';
import { Outbox } from '@kafka-commerce/messaging';
import Fastify from 'fastify';
import { Pool } from 'pg';
// The baseline must run order-service's very statement, not a copy that could drift from it;
// it is a string constant with no dependency on the service's framework.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { INSERT_ORDER_SQL } from '../../../apps/order-service/src/orders/infrastructure/order-insert.sql';

/**
 * The raw baseline of POST /orders: fastify + node-postgres doing the SQL order-service does
 * for a new order — the catalog price lookup, then the one statement that writes the order,
 * its line, its history and its outbox event — and nothing else (no token check, no
 * validation, no framework). Run as its own process, like order-service.
 * Environment: PORT, DATABASE_URL, USER_ID (whose orders these are).
 */
interface OrderBody {
  readonly items: readonly { readonly productId: string; readonly quantity: number }[];
  readonly shippingAddress: {
    readonly street: string;
    readonly city: string;
    readonly postalCode: string;
    readonly country: string;
  };
  readonly paymentMethod: string;
}

const PRICES_SQL = `SELECT product_id::text AS "productId", price::text AS price
  FROM catalog_products WHERE product_id = ANY($1::uuid[])`;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const outbox = new Outbox();
const userId = process.env.USER_ID ?? randomUUID();

async function placeOrder(body: OrderBody) {
  const productIds = body.items.map((item) => item.productId);
  const { rows } = await pool.query<{ productId: string; price: string }>(PRICES_SQL, [productIds]);
  const prices = new Map(rows.map((row) => [row.productId, row.price]));
  const items = body.items.map((item) => ({
    productId: item.productId,
    quantity: item.quantity,
    unitPrice: prices.get(item.productId) ?? '0.00',
  }));
  // Cents, so the sum is exact; one line per order in the bench.
  const cents = items.reduce(
    (sum, item) => sum + Math.round(Number(item.unitPrice) * 100) * item.quantity,
    0,
  );
  const totalAmount = (cents / 100).toFixed(2);
  const id = randomUUID();
  const now = new Date();
  const event = createEvent(
    orderCreatedV1,
    {
      orderId: id,
      userId,
      items,
      totalAmount,
      shippingAddress: { ...body.shippingAddress },
      paymentMethod: body.paymentMethod,
      createdAt: now.toISOString(),
    },
    { producer: 'order-service', correlationId: id, causationId: null },
  );
  const { street, city, postalCode, country } = body.shippingAddress;
  await pool.query(INSERT_ORDER_SQL, [
    id,
    userId,
    'PENDING',
    totalAmount,
    street,
    city,
    postalCode,
    country,
    body.paymentMethod,
    null,
    now,
    now,
    productIds,
    items.map((item) => item.quantity),
    items.map((item) => item.unitPrice),
    outbox.rowsOf([event]),
  ]);
  return { id, status: 'PENDING', totalAmount, items };
}

const app = Fastify();
app.post<{ Body: OrderBody }>('/orders', async (request, reply) => {
  return reply.code(202).send(await placeOrder(request.body));
});
app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) }).then(
  (address) => {
    console.log(`raw orders server on ${address}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
