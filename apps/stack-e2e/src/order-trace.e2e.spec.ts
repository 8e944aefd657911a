import { waitFor } from '@kafka-commerce/testing';
import {
  awaitMail,
  newCustomer,
  newProduct,
  type Order,
  placeOrder,
  settledOrder,
} from './support/commerce';
import { zipkinUrl } from './support/stack';

/** A span as Zipkin's v2 API returns it (the fields this test reads). */
interface ZipkinSpan {
  readonly traceId: string;
  readonly id: string;
  readonly parentId?: string;
  readonly name: string;
  readonly kind?: string;
  readonly timestamp: number;
  readonly localEndpoint: { readonly serviceName: string };
  readonly tags?: Readonly<Record<string, string>>;
}

/** Every service an order's events pass through (user-service takes no part in the saga). */
const SAGA_SERVICES = [
  'order-service',
  'inventory-service',
  'payment-service',
  'notification-service',
  'analytics-service',
];

/** The traces whose messaging spans carry this Kafka key: an order's events are keyed by it. */
async function tracesOfKey(key: string): Promise<ZipkinSpan[][]> {
  const query = new URLSearchParams({
    annotationQuery: `messaging.kafka.message.key=${key}`,
    lookback: String(15 * 60_000),
    limit: '10',
  });
  const response = await fetch(`${zipkinUrl()}/api/v2/traces?${query.toString()}`);
  if (!response.ok) throw new Error(`zipkin answered ${response.status}`);
  return (await response.json()) as ZipkinSpan[][];
}

const servicesOf = (spans: readonly ZipkinSpan[]) =>
  new Set(spans.map((span) => span.localEndpoint.serviceName));

describe('one order is one trace', () => {
  it('holds spans of every service on the saga path, each parent started before its child', async () => {
    const customer = await newCustomer();
    const item = await newProduct('4.50', 5);
    const placed = await placeOrder(customer.headers, [{ productId: item.id, quantity: 2 }]);
    expect(placed.status).toBe(202);
    const order = await settledOrder((placed.body as Order).id, customer.headers);
    expect(order.status).toBe('CONFIRMED');
    await awaitMail(customer.email, (mail) => /confirmed/i.test(mail.subject), 'confirmation');

    // Spans reach Zipkin in batches (every few seconds per service): wait for all of them.
    const traces = await waitFor(
      async () => {
        const found = await tracesOfKey(order.id);
        const services = servicesOf(found.flat());
        return SAGA_SERVICES.every((service) => services.has(service)) ? found : undefined;
      },
      { timeoutMs: 45_000, intervalMs: 500, description: `a trace of order ${order.id}` },
    );

    expect(traces).toHaveLength(1);
    const spans = traces[0] ?? [];
    expect([...servicesOf(spans)].sort()).toEqual(expect.arrayContaining(SAGA_SERVICES));
    const byId = new Map(spans.map((span) => [span.id, span]));
    const roots = spans.filter((span) => span.parentId === undefined);
    expect(roots).toEqual([
      expect.objectContaining({
        name: 'post /orders',
        kind: 'SERVER',
        localEndpoint: { serviceName: 'order-service' },
      }),
    ]);
    for (const span of spans) {
      if (span.parentId === undefined) continue;
      const parent = byId.get(span.parentId);
      expect({ span: span.name, parent: parent?.name }).toEqual({
        span: span.name,
        parent: expect.any(String),
      });
      expect(parent?.timestamp).toBeLessThanOrEqual(span.timestamp);
    }
    // The causal chain: the order's event is published by order-service, consumed by
    // inventory-service, whose reservation leads to the payment and the confirmation.
    const consumedBy = (service: string) =>
      spans.filter(
        (span) => span.kind === 'CONSUMER' && span.localEndpoint.serviceName === service,
      );
    for (const service of SAGA_SERVICES) expect(consumedBy(service).length).toBeGreaterThan(0);
  });

  it('keeps orders placed together in a trace each, although consumers handle them in batches', async () => {
    const customer = await newCustomer();
    const item = await newProduct('1.25', 100);
    const placed = await Promise.all(
      Array.from({ length: 16 }, () =>
        placeOrder(customer.headers, [{ productId: item.id, quantity: 1 }]),
      ),
    );
    const ids = placed.map((response) => (response.body as Order).id);
    for (const id of ids) expect(await settledOrder(id, customer.headers)).toHaveProperty('status');

    for (const id of ids) {
      // An event a batch handler appends continues the trace of the event that caused it,
      // not the batch's: no messaging span of the order's one trace is another order's.
      const traces = await waitFor(
        async () => {
          const found = await tracesOfKey(id);
          const services = servicesOf(found.flat());
          return SAGA_SERVICES.every((service) => services.has(service)) ? found : undefined;
        },
        { timeoutMs: 45_000, intervalMs: 500, description: `a trace of order ${id}` },
      );
      expect(traces).toHaveLength(1);
      const spans = traces[0] ?? [];
      expect(spans.filter((span) => span.parentId === undefined).map((span) => span.name)).toEqual([
        'post /orders',
      ]);
      const keys = new Set(
        spans.flatMap((span) => span.tags?.['messaging.kafka.message.key'] ?? []),
      );
      expect(keys.has(id)).toBe(true);
      expect(ids.filter((other) => other !== id && keys.has(other))).toEqual([]);
    }
  });
});
