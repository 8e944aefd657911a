import {
  type Headers,
  newCustomer,
  newProduct,
  type Order,
  placeOrder,
  settledOrder,
} from './support/commerce';
import { alertingRuleNames, awaitAlerts, findAlert } from './support/prometheus';
import { getJson, serviceUrl } from './support/stack';
import { startStackService, stopStackService } from './support/stack-services';

// SagaStuck fires once an order has waited more than 60 s: by design, this suite takes minutes.
const SUITE_TIMEOUT_MS = 420_000;
// 60 s of waiting, plus a count of the orders (every 5 s), a scrape and an evaluation (each
// 1 s in the test stack, 15 s in the dev stack).
const FIRING_TIMEOUT_MS = 180_000;

const SAGA_STUCK = { alertname: 'SagaStuck', service: 'order-service' };
const PAYMENT_DOWN = { alertname: 'ServiceDown', service: 'payment-service' };

let paymentStopped = false;

afterAll(async () => {
  // Whatever failed, the suites after this one get a whole stack.
  if (paymentStopped) await startStackService('payment-service');
});

type Items = { productId: string; quantity: number }[];

async function placed(headers: Headers, items: Items): Promise<Order> {
  const response = await placeOrder(headers, items);
  expect(response.status).toBe(202);
  return response.body as Order;
}

async function statusOf(order: Order, headers: Headers): Promise<string> {
  const response = await getJson(`${serviceUrl('order')}/orders/${order.id}`, headers);
  return (response.body as Order).status;
}

describe('alerting on a real Prometheus', () => {
  it(
    'fires SagaStuck while payment-service is down, and resolves once the orders settle',
    async () => {
      expect(await alertingRuleNames()).toEqual(expect.arrayContaining(['SagaStuck']));
      const { headers } = await newCustomer();
      const mug = await newProduct('4.50', 100);
      const items = [{ productId: mug.id, quantity: 1 }];
      // The saga works, and order-service knows the product before anything is stopped.
      await settledOrder((await placed(headers, items)).id, headers);
      await awaitAlerts((alerts) => !findAlert(alerts, SAGA_STUCK), {
        timeoutMs: 30_000,
        description: 'no SagaStuck before the test (did an earlier suite leave an order PENDING?)',
      });

      await stopStackService('payment-service');
      paymentStopped = true;
      const waiting: Order[] = [];
      for (let count = 0; count < 3; count++) waiting.push(await placed(headers, items));

      const firing = await awaitAlerts(
        (alerts) => findAlert(alerts, SAGA_STUCK)?.state === 'firing',
        { timeoutMs: FIRING_TIMEOUT_MS, description: 'SagaStuck to fire' },
      );
      expect(findAlert(firing, SAGA_STUCK)?.labels).toMatchObject({ severity: 'critical' });
      expect(findAlert(firing, PAYMENT_DOWN)?.state).toBe('firing');
      for (const order of waiting) expect(await statusOf(order, headers)).toBe('PENDING');

      await startStackService('payment-service');
      paymentStopped = false;
      const settled = await Promise.all(waiting.map((order) => settledOrder(order.id, headers)));
      expect(settled.map((order) => order.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
      await awaitAlerts(
        (alerts) => !findAlert(alerts, SAGA_STUCK) && !findAlert(alerts, PAYMENT_DOWN),
        { timeoutMs: 60_000, description: 'SagaStuck and ServiceDown to resolve' },
      );
    },
    SUITE_TIMEOUT_MS,
  );
});
