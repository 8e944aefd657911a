import { Decimal } from '@kafka-commerce/money';
import { randomUUID } from 'node:crypto';
import { waitFor } from '@kafka-commerce/testing';
import {
  ADDRESS,
  awaitMail,
  mailTo,
  newCustomer,
  newProduct,
  type Order,
  payments,
  placeOrder,
  product,
  settledOrder,
} from './support/commerce';
import { getJson, postJson, serviceUrl } from './support/stack';

interface Summary {
  usersRegistered: number;
  orders: { created: number; confirmed: number; cancelled: number };
  revenue: string;
  paymentSuccessRate: number | null;
  topProducts: { productId: string; quantity: number }[];
}

async function summary(): Promise<Summary> {
  return (await getJson(`${serviceUrl('analytics')}/analytics/summary`)).body as Summary;
}

function waitForProduct(
  id: string,
  expected: { stock?: number; reserved?: number; available?: number },
) {
  return waitFor(
    async () => {
      const current = await product(id);
      return Object.entries(expected).every(
        ([field, value]) => current[field as keyof typeof expected] === value,
      )
        ? current
        : undefined;
    },
    { description: `product ${id} to reach ${JSON.stringify(expected)}` },
  );
}

describe('the order saga across all six services', () => {
  it('confirms a paid order: stock, payment, email and analytics agree', async () => {
    const before = await summary();
    const customer = await newCustomer();
    const item = await newProduct('19.99', 10);
    const placed = await placeOrder(customer.headers, [{ productId: item.id, quantity: 3 }]);
    expect(placed.status).toBe(202);
    expect(placed.body).toMatchObject({ status: 'PENDING', totalAmount: '59.97' });

    const order = await settledOrder((placed.body as Order).id, customer.headers);
    expect(order.status).toBe('CONFIRMED');
    expect(order.history.map((entry) => entry.status)).toEqual(
      expect.arrayContaining(['PENDING', 'CONFIRMED']),
    );
    expect(await waitForProduct(item.id, { stock: 7, reserved: 0, available: 7 })).toBeDefined();
    expect(await payments(order.id, customer.headers)).toEqual([
      expect.objectContaining({
        orderId: order.id,
        amount: '59.97',
        method: 'card',
        status: 'SUCCEEDED',
      }),
    ]);
    await awaitMail(
      customer.email,
      (mail) => /confirmed/i.test(mail.subject),
      'the order confirmation email',
    );
    await awaitMail(customer.email, (mail) => /welcome/i.test(mail.subject), 'the welcome email');

    const after = await waitFor(
      async () => {
        const current = await summary();
        return current.orders.confirmed >= before.orders.confirmed + 1 ? current : undefined;
      },
      { description: 'analytics to count the confirmed order' },
    );
    expect(new Decimal(after.revenue).minus(before.revenue).toFixed(2)).toBe('59.97');
    expect(after.usersRegistered).toBeGreaterThan(before.usersRegistered);
    // Exactly one confirmation and one welcome email, however often events were delivered.
    const mails = await mailTo(customer.email);
    expect(mails.filter((mail) => /confirmed/i.test(mail.subject))).toHaveLength(1);
    expect(mails.filter((mail) => /welcome/i.test(mail.subject))).toHaveLength(1);
  });

  it('cancels an order that cannot be reserved, without charging', async () => {
    const customer = await newCustomer();
    const item = await newProduct('5.00', 1);
    const placed = await placeOrder(customer.headers, [{ productId: item.id, quantity: 2 }]);
    const order = await settledOrder((placed.body as Order).id, customer.headers);
    expect(order).toMatchObject({ status: 'CANCELLED', cancellationReason: 'out_of_stock' });
    expect(await payments(order.id, customer.headers)).toEqual([]);
    expect(await product(item.id)).toMatchObject({ stock: 1, reserved: 0, available: 1 });
  });

  it.each([
    ['a declined card', '10.00', 2, 'card_declined', 'card_declined'],
    ['an amount above the payment limit', '6000.00', 2, 'card', 'amount_limit_exceeded'],
  ])(
    'cancels an order paid with %s and releases its stock',
    async (_case, price, quantity, method, reason) => {
      const customer = await newCustomer();
      const item = await newProduct(price, 5);
      const placed = await placeOrder(customer.headers, [{ productId: item.id, quantity }], method);
      const order = await settledOrder((placed.body as Order).id, customer.headers);
      expect(order).toMatchObject({ status: 'CANCELLED', cancellationReason: reason });
      expect(await payments(order.id, customer.headers)).toEqual([
        expect.objectContaining({ status: 'FAILED', reason }),
      ]);
      await waitForProduct(item.id, { stock: 5, reserved: 0, available: 5 });
    },
  );

  it('refunds and restocks a confirmed order the customer cancels, exactly once', async () => {
    const customer = await newCustomer();
    const item = await newProduct('12.50', 4);
    const placed = await placeOrder(customer.headers, [{ productId: item.id, quantity: 2 }]);
    const order = await settledOrder((placed.body as Order).id, customer.headers);
    expect(order.status).toBe('CONFIRMED');

    const cancel = await postJson(
      `${serviceUrl('order')}/orders/${order.id}/cancel`,
      {},
      customer.headers,
    );
    expect([200, 201, 202]).toContain(cancel.status);
    expect(cancel.body).toMatchObject({ status: 'CANCELLED' });
    const refunded = await waitFor(
      async () => {
        const current = await payments(order.id, customer.headers);
        return current.some((payment) => payment.status === 'REFUNDED') ? current : undefined;
      },
      { description: 'the refund' },
    );
    expect(refunded).toEqual([expect.objectContaining({ status: 'REFUNDED', amount: '25.00' })]);
    await waitForProduct(item.id, { stock: 4, reserved: 0, available: 4 });
    expect(
      (await postJson(`${serviceUrl('order')}/orders/${order.id}/cancel`, {}, customer.headers))
        .status,
    ).toBe(409);
  });

  it('sells exactly the stock when 120 orders race for 25 units, never going negative', async () => {
    const stock = 25;
    const item = await newProduct('1.00', stock);
    const customers = await Promise.all(Array.from({ length: 12 }, () => newCustomer()));
    const placed = await Promise.all(
      Array.from({ length: 120 }, (_, index) => {
        const customer = customers[index % customers.length];
        if (!customer) throw new Error('no customer');
        return placeOrder(customer.headers, [{ productId: item.id, quantity: 1 }]).then(
          (response) => ({
            response,
            headers: customer.headers,
          }),
        );
      }),
    );
    expect(placed.every(({ response }) => response.status === 202)).toBe(true);
    const orders = await Promise.all(
      placed.map(({ response, headers }) => settledOrder((response.body as Order).id, headers)),
    );
    const confirmed = orders.filter((order) => order.status === 'CONFIRMED');
    const cancelled = orders.filter((order) => order.status === 'CANCELLED');
    expect(confirmed).toHaveLength(stock);
    expect(cancelled).toHaveLength(120 - stock);
    expect(new Set(cancelled.map((order) => order.cancellationReason))).toEqual(
      new Set(['out_of_stock']),
    );
    expect(await waitForProduct(item.id, { stock: 0, reserved: 0, available: 0 })).toBeDefined();
  });

  it('places one order when the same Idempotency-Key arrives several times at once', async () => {
    const customer = await newCustomer();
    const item = await newProduct('3.00', 10);
    const key = randomUUID();
    const lines = [{ productId: item.id, quantity: 1 }];
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => placeOrder(customer.headers, lines, 'card', key)),
    );
    expect(responses.map((response) => response.status < 300)).toEqual(responses.map(() => true));
    const ids = new Set(responses.map((response) => (response.body as Order).id));
    expect(ids.size).toBe(1);
    await settledOrder([...ids][0] ?? '', customer.headers);
    await waitForProduct(item.id, { stock: 9, reserved: 0 });
  });

  it('returns the same order for the same Idempotency-Key', async () => {
    const customer = await newCustomer();
    const item = await newProduct('3.00', 10);
    const key = randomUUID();
    const first = await placeOrder(
      customer.headers,
      [{ productId: item.id, quantity: 1 }],
      'card',
      key,
    );
    const second = await placeOrder(
      customer.headers,
      [{ productId: item.id, quantity: 1 }],
      'card',
      key,
    );
    expect(second.status).toBe(first.status);
    expect((second.body as Order).id).toBe((first.body as Order).id);
    await settledOrder((first.body as Order).id, customer.headers);
    // Inventory finalises the sale when it consumes order.confirmed, just after.
    await waitForProduct(item.id, { stock: 9, reserved: 0 });
  });

  it('keeps orders private and rejects bad requests with the right status', async () => {
    const owner = await newCustomer();
    const stranger = await newCustomer();
    const item = await newProduct('2.00', 5);
    const placed = await placeOrder(owner.headers, [{ productId: item.id, quantity: 1 }]);
    const orderId = (placed.body as Order).id;

    expect(
      (await getJson(`${serviceUrl('order')}/orders/${orderId}`, stranger.headers)).status,
    ).toBe(404);
    expect((await getJson(`${serviceUrl('order')}/orders/${orderId}`)).status).toBe(401);
    const body = {
      items: [{ productId: item.id, quantity: 1 }],
      shippingAddress: ADDRESS,
      paymentMethod: 'card',
    };
    expect((await postJson(`${serviceUrl('order')}/orders`, body)).status).toBe(401);
    const unknown = { ...body, items: [{ productId: randomUUID(), quantity: 1 }] };
    expect((await postJson(`${serviceUrl('order')}/orders`, unknown, owner.headers)).status).toBe(
      422,
    );
    const zero = await postJson(
      `${serviceUrl('order')}/orders`,
      { ...body, items: [{ productId: item.id, quantity: 0 }] },
      owner.headers,
    );
    expect(zero.status).toBe(400);
    const own = await getJson(`${serviceUrl('order')}/orders`, owner.headers);
    expect(own.status).toBe(200);
    expect((own.body as { items: Order[] }).items.map((order) => order.id)).toContain(orderId);
  });
});

describe('the sensor stream', () => {
  interface SensorWindow {
    count: number;
    avg: number;
    min: number;
    max: number;
  }

  /** One reading a millisecond, ending now: a sensor's readings with one timestamp are one. */
  function readings(sensorId: string, temperatures: number[]) {
    const start = Date.now() - temperatures.length;
    return temperatures.map((temperature, index) => ({
      sensorId,
      temperature,
      timestamp: new Date(start + index).toISOString(),
    }));
  }

  function windowsOf(sensorId: string, count: number): Promise<SensorWindow[]> {
    return waitFor(
      async () => {
        const windows = (await getJson(`${serviceUrl('analytics')}/sensors/${sensorId}/windows`))
          .body as SensorWindow[];
        return windows.length >= count ? windows : undefined;
      },
      { timeoutMs: 30_000, description: `${count} window(s) of ${sensorId}` },
    );
  }

  it('closes a window at 1,000 readings', async () => {
    const sensorId = `sensor-${randomUUID().slice(0, 8)}`;
    const temperatures = Array.from({ length: 1000 }, (_, index) => 20 + (index % 10));
    const response = await postJson(
      `${serviceUrl('analytics')}/sensors/readings`,
      readings(sensorId, temperatures),
    );
    expect(response.status).toBe(202);
    const [window] = await windowsOf(sensorId, 1);
    expect(window).toMatchObject({ count: 1000, min: 20, max: 29 });
    expect(window?.avg).toBeCloseTo(24.5, 5);
  });

  it('closes a slow trickle by the 5-second timer', async () => {
    const sensorId = `sensor-${randomUUID().slice(0, 8)}`;
    await postJson(`${serviceUrl('analytics')}/sensors/readings`, readings(sensorId, [21, 22, 23]));
    const [window] = await windowsOf(sensorId, 1);
    expect(window).toMatchObject({ count: 3, min: 21, max: 23, avg: 22 });
  });

  it('raises an alert and emails operations when a window runs hot', async () => {
    const sensorId = `sensor-${randomUUID().slice(0, 8)}`;
    await postJson(`${serviceUrl('analytics')}/sensors/readings`, readings(sensorId, [95, 96, 97]));
    await windowsOf(sensorId, 1);
    const alerts = (await getJson(`${serviceUrl('analytics')}/alerts`)).body as {
      sensorId: string;
    }[];
    expect(alerts.map((alert) => alert.sensorId)).toContain(sensorId);
    await awaitMail(
      'operations@kafka-commerce.local',
      (mail) => mail.text.includes(sensorId) || mail.subject.includes(sensorId),
      'the operations alert email',
    );
  });

  it('rejects malformed readings with 400 and field messages', async () => {
    const response = await postJson(`${serviceUrl('analytics')}/sensors/readings`, [
      { sensorId: '', temperature: 'hot' },
    ]);
    expect(response.status).toBe(400);
  });
});
