import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@kafka-commerce/testing';
import { bearer, callJson, login } from '../load/http-client';
import { type FaultStack } from './fault-stack';

export interface Customer {
  readonly userId: string;
  readonly email: string;
  readonly token: string;
}

export interface StockedProduct {
  readonly id: string;
  readonly stock: number;
}

/** A scenario's own customers and products, so that no scenario sees another's orders. */
export interface Fixture {
  readonly customers: readonly Customer[];
  readonly products: readonly StockedProduct[];
}

export interface FixturePlan {
  readonly customers: number;
  readonly products: number;
  readonly stock: number;
}

export interface LoadPlan {
  /** Orders placed at least; while the fault runs the load goes on, up to maxOrders. */
  readonly orders: number;
  readonly maxOrders?: number;
  /** Orders placed per second (paced); undefined: as fast as the concurrency allows. */
  readonly ratePerSecond?: number;
  readonly concurrency: number;
  /** Share of orders their customer cancels right after placing them (0..1). */
  readonly cancelShare?: number;
  /** Share of orders paid with a card the gateway declines (0..1). */
  readonly declinedShare?: number;
  /** Units per order line; default 1 or 2 at random. */
  readonly quantity?: number;
}

export interface PlacedOrder {
  readonly id: string;
  readonly customer: Customer;
}

export interface LoadResult {
  readonly placed: readonly PlacedOrder[];
  /** Requests answered with a 5xx or not at all while a fault was on (retried, same key). */
  readonly retried: number;
  /** Orders or cancellations the stack refused for good (a 4xx other than the expected). */
  readonly refused: readonly string[];
}

const PASSWORD = 'correct horse battery';
const ADDRESS = { street: '1 Fault St', city: 'Springfield', postalCode: '12345', country: 'US' };
const PLACE_DEADLINE_MS = 180_000;

export async function createFixture(stack: FaultStack, plan: FixturePlan): Promise<Fixture> {
  const admin = await stack.admin();
  const products = await Promise.all(
    Array.from({ length: plan.products }, async () => {
      const { status, json } = await callJson(
        'POST',
        `${stack.url('inventory-service')}/products`,
        {
          sku: `FAULT-${randomUUID().slice(0, 8)}`,
          name: 'Fault drill item',
          price: '12.50',
          stock: plan.stock,
          lowStockThreshold: 0,
        },
        bearer(admin),
      );
      if (status !== 201) throw new Error(`product creation: ${status} ${JSON.stringify(json)}`);
      return { id: (json as { id: string }).id, stock: plan.stock };
    }),
  );
  const customers = await Promise.all(
    Array.from({ length: plan.customers }, async () => {
      const email = `fault-${randomUUID().slice(0, 8)}@example.com`;
      const { status, json } = await callJson('POST', `${stack.url('user-service')}/users`, {
        email,
        username: 'fault drill',
        password: PASSWORD,
      });
      if (status !== 201) throw new Error(`registration: ${status} ${JSON.stringify(json)}`);
      const token = await login(stack.url('user-service'), email, PASSWORD);
      return { userId: (json as { id: string }).id, email, token };
    }),
  );
  return { customers, products };
}

/** A fault, given the orders placed when it starts. */
export type Fault = (placedSoFar: readonly PlacedOrder[]) => Promise<void>;

/** Where orders are placed: the order-service instances that may be up; the first answers. */
export type OrderServiceUrls = () => readonly string[];

export interface LoadTarget {
  readonly orderUrls: OrderServiceUrls;
  /** Told of each order as soon as it is accepted (so it is checked even if the load fails). */
  readonly onPlaced: (order: PlacedOrder) => void;
}

/**
 * Places orders for the fixture's customers, paced or as fast as `concurrency` allows, and
 * starts `fault` once a quarter of `plan.orders` are placed; the load goes on until the fault
 * is over (up to maxOrders). An order that gets no answer or a 5xx is sent again with the
 * same Idempotency-Key, as a client would, so it is never placed twice.
 */
export async function runLoad(
  fixture: Fixture,
  plan: LoadPlan,
  { orderUrls, onPlaced }: LoadTarget,
  fault?: Fault,
): Promise<LoadResult> {
  const placed: PlacedOrder[] = [];
  const refused: string[] = [];
  const counters = { retried: 0 };
  const maxOrders = Math.max(plan.maxOrders ?? plan.orders, plan.orders);
  const faultAt = Math.floor(plan.orders / 4);
  let faultRun: Promise<void> | undefined;
  let faultOver = fault === undefined;
  const cancellations: Promise<void>[] = [];
  const started = Date.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      if (index >= maxOrders || (faultOver && index >= plan.orders)) return;
      if (plan.ratePerSecond !== undefined)
        await sleep(Math.max(0, started + (index * 1000) / plan.ratePerSecond - Date.now()));
      if (index === faultAt && fault)
        faultRun = fault([...placed]).finally(() => {
          faultOver = true;
        });
      const customer = fixture.customers[index % fixture.customers.length] as Customer;
      const order = await placeOrder(
        orderUrls,
        customer,
        orderBody(fixture, plan, index),
        counters,
      );
      if (typeof order === 'string') {
        refused.push(order);
        continue;
      }
      placed.push(order);
      onPlaced(order);
      if (Math.random() < (plan.cancelShare ?? 0))
        cancellations.push(cancelOrder(orderUrls, order, counters, refused));
    }
  };
  await Promise.all(Array.from({ length: plan.concurrency }, worker));
  await faultRun;
  await Promise.all(cancellations);
  return { placed, retried: counters.retried, refused };
}

function orderBody(fixture: Fixture, plan: LoadPlan, index: number): unknown {
  const products = fixture.products;
  const first = products[index % products.length] as StockedProduct;
  const second = products[(index + 1) % products.length] as StockedProduct;
  const lines = products.length > 1 && index % 3 === 0 ? [first, second] : [first];
  return {
    items: lines.map((product) => ({
      productId: product.id,
      quantity: plan.quantity ?? 1 + (index % 2),
    })),
    shippingAddress: ADDRESS,
    paymentMethod: Math.random() < (plan.declinedShare ?? 0) ? 'card_declined' : 'card',
  };
}

type Outcome<T> = { readonly done: T } | { readonly refused: string };

/**
 * Calls until there is an outcome: no answer or a 5xx is counted and tried again (on the next
 * instance, if several), undefined ("not yet") is tried again without counting.
 */
async function untilAnswered<T>(
  urls: OrderServiceUrls,
  attempt: (url: string) => Promise<Outcome<T> | undefined>,
  counters: { retried: number },
  description: string,
): Promise<Outcome<T>> {
  let tries = 0;
  return waitFor(
    async () => {
      const candidates = urls();
      const url = candidates[tries++ % candidates.length] as string;
      try {
        return await attempt(url);
      } catch (error) {
        counters.retried++;
        throw error;
      }
    },
    { timeoutMs: PLACE_DEADLINE_MS, intervalMs: 200, description },
  );
}

async function placeOrder(
  urls: OrderServiceUrls,
  customer: Customer,
  body: unknown,
  counters: { retried: number },
): Promise<PlacedOrder | string> {
  const key = randomUUID();
  const outcome = await untilAnswered<PlacedOrder>(
    urls,
    async (url) => {
      const { status, json } = await callJson('POST', `${url}/orders`, body, {
        ...bearer(customer.token),
        'idempotency-key': key,
      });
      if (status >= 500) throw new Error(`POST /orders: ${status}`);
      // 422: order-service's catalog has not heard of a new product yet.
      if (status === 422) return undefined;
      if (status === 202 || status === 200 || status === 201)
        return { done: { id: (json as { id: string }).id, customer } };
      return { refused: `POST /orders: ${status} ${JSON.stringify(json)}` };
    },
    counters,
    'an order to be accepted',
  );
  return 'done' in outcome ? outcome.done : outcome.refused;
}

async function cancelOrder(
  urls: OrderServiceUrls,
  order: PlacedOrder,
  counters: { retried: number },
  refused: string[],
): Promise<void> {
  const outcome = await untilAnswered<true>(
    urls,
    async (url) => {
      const { status, json } = await callJson(
        'POST',
        `${url}/orders/${order.id}/cancel`,
        {},
        bearer(order.customer.token),
      );
      if (status >= 500) throw new Error(`POST /orders/${order.id}/cancel: ${status}`);
      // 409: already cancelled by the saga (or not cancellable any more).
      if (status < 300 || status === 409) return { done: true };
      return { refused: `POST /orders/${order.id}/cancel: ${status} ${JSON.stringify(json)}` };
    },
    counters,
    `order ${order.id} to be cancelled`,
  );
  if ('refused' in outcome) refused.push(outcome.refused);
}
