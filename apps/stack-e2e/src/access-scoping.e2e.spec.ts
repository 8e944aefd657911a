import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { waitFor } from '@kafka-commerce/testing';
import {
  asAdmin,
  awaitMail,
  type Headers,
  newCustomer,
  newProduct,
  type Order,
  placeOrder,
  settledOrder,
} from './support/commerce';
import { getJson, serviceUrl } from './support/stack';

interface Notification {
  id: string;
  template: string;
  recipient: string;
  userId: string | null;
  orderId: string | null;
}

const OPERATIONS_EMAIL = 'operations@kafka-commerce.local';

/** An admin token in the right shape, signed with a key user-service never had. */
function forgedAdminToken(userId: string): Headers {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({
    sub: userId,
    email: 'mallory@example.com',
    role: 'admin',
    iss: 'kafka-commerce',
    iat: now,
    exp: now + 600,
  })}`;
  const signature = createSign('sha256').update(unsigned).sign(privateKey, 'base64url');
  return { authorization: `Bearer ${unsigned}.${signature}` };
}

const UNSIGNED = { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' };

function paymentsUrl(orderId: string): string {
  return `${serviceUrl('payment')}/payments?orderId=${orderId}`;
}

function notificationsUrl(filter: Record<string, string> = {}): string {
  const query = new URLSearchParams(filter).toString();
  return `${serviceUrl('notification')}/notifications${query ? `?${query}` : ''}`;
}

async function notifications(
  headers: Headers,
  filter: Record<string, string> = {},
): Promise<Notification[]> {
  const response = await getJson(notificationsUrl(filter), headers);
  if (response.status !== 200)
    throw new Error(`GET /notifications: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Notification[];
}

/** Waits until the caller's list (with the filter) holds a notification of each template. */
function awaitNotifications(
  headers: Headers,
  filter: Record<string, string>,
  templates: string[],
  description: string,
): Promise<Notification[]> {
  return waitFor(
    async () => {
      const listed = await notifications(headers, filter);
      const found = new Set(listed.map((notification) => notification.template));
      return templates.every((template) => found.has(template)) ? listed : undefined;
    },
    { timeoutMs: 30_000, description },
  );
}

describe('reads of personal data are scoped to their owner', () => {
  let alice: { email: string; headers: Headers; userId: string; orderId: string };
  let bob: { email: string; headers: Headers; userId: string; orderId: string };
  let admin: Headers;

  beforeAll(async () => {
    admin = await asAdmin();
    // Alice's order takes the product to its low-stock threshold: operations get a mail.
    const item = await newProduct('4.00', 10, 8);
    const buy = async (quantity: number) => {
      const customer = await newCustomer();
      const placed = await placeOrder(customer.headers, [{ productId: item.id, quantity }]);
      const order = await settledOrder((placed.body as Order).id, customer.headers);
      expect(order.status).toBe('CONFIRMED');
      return { ...customer, userId: order.userId, orderId: order.id };
    };
    alice = await buy(2);
    bob = await buy(1);
    await awaitMail(
      OPERATIONS_EMAIL,
      (mail) => mail.subject.includes(item.sku),
      'the low-stock mail to operations',
    );
  });

  describe('GET /payments', () => {
    it('answers 401 without a token and with a forged or unsigned one', async () => {
      expect((await getJson(paymentsUrl(alice.orderId))).status).toBe(401);
      expect((await getJson(paymentsUrl(alice.orderId), UNSIGNED)).status).toBe(401);
      expect(
        (await getJson(paymentsUrl(alice.orderId), forgedAdminToken(alice.userId))).status,
      ).toBe(401);
    });

    it("shows a customer their own order's payments and 404 for anyone else's", async () => {
      const own = await getJson(paymentsUrl(alice.orderId), alice.headers);
      expect(own.status).toBe(200);
      expect(own.body).toEqual([
        expect.objectContaining({ orderId: alice.orderId, amount: '8.00', status: 'SUCCEEDED' }),
      ]);

      const others = await getJson(paymentsUrl(bob.orderId), alice.headers);
      expect(others.status).toBe(404);
      expect(JSON.stringify(others.body)).not.toContain('amount');
      // Not known at all looks the same as not yours.
      expect((await getJson(paymentsUrl(randomUUID()), alice.headers)).status).toBe(404);
    });

    it("shows an admin everyone's payments", async () => {
      for (const { orderId } of [alice, bob]) {
        const response = await getJson(paymentsUrl(orderId), admin);
        expect(response.status).toBe(200);
        expect(response.body).toEqual([expect.objectContaining({ orderId, status: 'SUCCEEDED' })]);
      }
    });
  });

  describe('GET /notifications', () => {
    it('answers 401 without a token and with a forged or unsigned one', async () => {
      expect((await getJson(notificationsUrl())).status).toBe(401);
      expect((await getJson(notificationsUrl(), UNSIGNED)).status).toBe(401);
      expect((await getJson(notificationsUrl(), forgedAdminToken(alice.userId))).status).toBe(401);
    });

    it("gives a customer without a filter only their own: no one else's, no operations mail", async () => {
      const own = await awaitNotifications(
        alice.headers,
        {},
        ['welcome', 'order-confirmed', 'payment-succeeded'],
        "alice's own notifications",
      );
      expect(own.every((notification) => notification.userId === alice.userId)).toBe(true);
      expect(own.every((notification) => notification.recipient === alice.email)).toBe(true);
      const serialised = JSON.stringify(own);
      expect(serialised).not.toContain(bob.email);
      expect(serialised).not.toContain(OPERATIONS_EMAIL);
    });

    it('answers 403 when a customer asks for another user', async () => {
      const response = await getJson(notificationsUrl({ userId: bob.userId }), alice.headers);
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain(bob.email);
      const own = await notifications(alice.headers, { userId: alice.userId });
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((notification) => notification.userId === alice.userId)).toBe(true);
    });

    it("filters a customer's orderId to their own notifications", async () => {
      expect(await notifications(alice.headers, { orderId: bob.orderId })).toEqual([]);
      const own = await notifications(alice.headers, { orderId: alice.orderId });
      expect(own.map((notification) => notification.template)).toEqual(
        expect.arrayContaining(['order-confirmed', 'payment-succeeded']),
      );
      expect(
        own.every(
          (notification) =>
            notification.userId === alice.userId && notification.orderId === alice.orderId,
        ),
      ).toBe(true);
    });

    it("shows an admin everyone's, operations mail included", async () => {
      const bobs = await awaitNotifications(
        admin,
        { userId: bob.userId },
        ['order-confirmed'],
        "bob's notifications, as admin",
      );
      expect(bobs.every((notification) => notification.recipient === bob.email)).toBe(true);
      const everyone = await notifications(admin);
      const recipients = new Set(everyone.map((notification) => notification.recipient));
      expect([...recipients]).toEqual(
        expect.arrayContaining([alice.email, bob.email, OPERATIONS_EMAIL]),
      );
      expect(
        everyone.some(
          (notification) => notification.template === 'low-stock' && notification.userId === null,
        ),
      ).toBe(true);
    });
  });
});
