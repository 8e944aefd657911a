import { randomInt } from 'node:crypto';
import { TOPICS } from '@kafka-commerce/events';
import { waitFor } from '@kafka-commerce/testing';
import {
  awaitMail,
  type Headers,
  mailTo,
  newCustomer,
  newProduct,
  type Order,
  placeOrder,
  settledOrder,
} from './support/commerce';
import { findMessage } from './support/kafka';
import { getJson, type JsonResponse, postJson, queryDatabase, serviceUrl } from './support/stack';

/** A message as the SMS sink (tools/smssink) lists it. */
interface Sms {
  sid: string;
  to: string;
  from: string;
  body: string;
}

interface Notification {
  channel: 'email' | 'sms' | 'push';
  template: string;
  recipient: string;
  status: string;
  userId: string | null;
  orderId: string | null;
}

interface Profile {
  id: string;
  email: string;
  username: string;
  phone: string | null;
  notificationChannels: string[];
}

interface FieldErrors {
  errors: { field: string; messages: string[] }[];
}

interface Customer {
  email: string;
  headers: Headers;
  userId: string;
  phone: string;
}

/** A German mobile number no other test run uses: +49 15 and nine random digits. */
function newPhone(): string {
  return `+4915${String(randomInt(0, 1e9)).padStart(9, '0')}`;
}

function patchMe(headers: Headers, body: unknown): Promise<JsonResponse> {
  return fetch(`${serviceUrl('user')}/users/me`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, body: await response.json() }));
}

function fieldsOf(response: JsonResponse): string[] {
  return (response.body as FieldErrors).errors.map((error) => error.field);
}

function messagesOf(response: JsonResponse): string {
  return (response.body as FieldErrors).errors.flatMap((error) => error.messages).join(' ');
}

/** What the SMS sink received for one number. */
async function smsTo(phone: string): Promise<Sms[]> {
  const url = process.env.E2E_SMS_URL;
  if (!url) throw new Error('E2E_SMS_URL is not set');
  const response = await fetch(`${url}/messages?to=${encodeURIComponent(phone)}`);
  return (await response.json()) as Sms[];
}

function awaitSms(phone: string, matches: (sms: Sms) => boolean, what: string): Promise<Sms> {
  return waitFor(async () => (await smsTo(phone)).find(matches), {
    timeoutMs: 30_000,
    description: what,
  });
}

async function notifications(headers: Headers, filter: Record<string, string>) {
  const query = new URLSearchParams(filter).toString();
  const response = await getJson(`${serviceUrl('notification')}/notifications?${query}`, headers);
  if (response.status !== 200)
    throw new Error(`GET /notifications: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Notification[];
}

/** Waits until the order's notifications (as its owner sees them) include every `channel template`. */
function awaitNotifications(headers: Headers, orderId: string, expected: string[]) {
  return waitFor(
    async () => {
      const listed = await notifications(headers, { orderId });
      const sent = new Set(
        listed.filter((n) => n.status === 'SENT').map((n) => `${n.channel} ${n.template}`),
      );
      return expected.every((route) => sent.has(route)) ? listed : undefined;
    },
    { timeoutMs: 30_000, description: `notifications ${expected.join(', ')} of order ${orderId}` },
  );
}

/** Waits until notification-service's contact holds the user's profile at this revision. */
function awaitContact(userId: string, revision: number) {
  return waitFor(
    async () => {
      const [row] = await queryDatabase<{
        phone: string | null;
        notification_channels: string[];
        profile_revision: number;
      }>(
        'notification',
        'SELECT phone, notification_channels, profile_revision FROM contacts WHERE user_id = $1',
        [userId],
      );
      return row && row.profile_revision >= revision ? row : undefined;
    },
    { description: `the contact of ${userId} at profile revision ${revision}` },
  );
}

/** A new customer with a phone and the given channels, known as such to notification-service. */
async function customerWith(channels: string[]): Promise<Customer> {
  const { email, headers } = await newCustomer();
  const phone = newPhone();
  const patched = await patchMe(headers, { phone, notificationChannels: channels });
  expect(patched.status).toBe(200);
  const userId = (patched.body as Profile).id;
  // Channels apply to events handled after the change: wait until it has been consumed.
  await awaitContact(userId, 1);
  return { email, headers, userId, phone };
}

async function confirmedOrder(customer: Customer): Promise<Order> {
  const item = await newProduct('12.50', 100);
  const placed = await placeOrder(customer.headers, [{ productId: item.id, quantity: 2 }]);
  expect(placed.status).toBe(202);
  const order = await settledOrder((placed.body as Order).id, customer.headers);
  expect(order.status).toBe('CONFIRMED');
  return order;
}

const short = (orderId: string) => orderId.slice(0, 8);

describe('profile updates (PATCH /users/me) and SMS notifications', () => {
  it('stores a phone and channels, answers the profile and announces it as user.updated', async () => {
    const { email, headers } = await newCustomer();
    const phone = newPhone();

    const patched = await patchMe(headers, { phone, notificationChannels: ['sms', 'email'] });

    expect(patched.status).toBe(200);
    const profile = patched.body as Profile;
    expect(profile).toEqual({
      id: expect.any(String),
      email,
      username: 'buyer',
      phone,
      notificationChannels: ['email', 'sms'],
    });
    const me = await getJson(`${serviceUrl('user')}/users/me`, headers);
    expect(me.body).toMatchObject({ phone, notificationChannels: ['email', 'sms'] });

    const event = await findMessage(
      TOPICS.users.name,
      (message) =>
        message.key?.toString() === profile.id &&
        (JSON.parse(message.value?.toString() ?? '{}') as { type?: string }).type ===
          'user.updated',
    );
    expect(JSON.parse(event.value?.toString() ?? '')).toMatchObject({
      type: 'user.updated',
      version: 1,
      producer: 'user-service',
      payload: {
        userId: profile.id,
        phone,
        notificationChannels: ['email', 'sms'],
        revision: 1,
      },
    });
    expect(await awaitContact(profile.id, 1)).toEqual({
      phone,
      notification_channels: ['email', 'sms'],
      profile_revision: 1,
    });
  });

  it('texts a confirmed order exactly once, mails it too, and lists the sms row', async () => {
    const customer = await customerWith(['email', 'sms']);
    const order = await confirmedOrder(customer);

    await awaitMail(
      customer.email,
      (mail) => mail.subject.includes('is confirmed') && mail.text.includes(order.id),
      'the confirmation email',
    );
    const listed = await awaitNotifications(customer.headers, order.id, [
      'email order-confirmed',
      'sms order-confirmed',
    ]);
    const texts = (await smsTo(customer.phone)).filter((sms) => sms.body.includes(short(order.id)));
    expect(texts).toEqual([
      expect.objectContaining({
        to: customer.phone,
        body: `kafka-commerce: your order ${short(order.id)} is confirmed (2 items, total 25.00).`,
      }),
    ]);
    expect(listed.filter((n) => n.channel === 'sms')).toEqual([
      expect.objectContaining({
        template: 'order-confirmed',
        recipient: customer.phone,
        status: 'SENT',
        userId: customer.userId,
        orderId: order.id,
      }),
    ]);
  });

  it('after a switch to SMS only, texts the cancellation and refund and mails nothing', async () => {
    const customer = await customerWith(['email', 'sms']);
    const order = await confirmedOrder(customer);
    // Both mails out before the switch: payment events are consumed apart from order events.
    await awaitNotifications(customer.headers, order.id, [
      'email order-confirmed',
      'email payment-succeeded',
    ]);

    const switched = await patchMe(customer.headers, { notificationChannels: ['sms'] });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ phone: customer.phone, notificationChannels: ['sms'] });
    await awaitContact(customer.userId, 2);
    const cancel = await postJson(
      `${serviceUrl('order')}/orders/${order.id}/cancel`,
      {},
      customer.headers,
    );
    expect([200, 201, 202]).toContain(cancel.status);

    await awaitSms(
      customer.phone,
      (sms) => sms.body.includes(`order ${short(order.id)} was cancelled`),
      'the cancellation SMS',
    );
    await awaitSms(
      customer.phone,
      (sms) => sms.body.includes(`refunded 25.00 for order ${short(order.id)}`),
      'the refund SMS',
    );
    // Stored in the same statement as the SMS rows: an email would be listed by now.
    const listed = await awaitNotifications(customer.headers, order.id, [
      'sms order-cancelled',
      'sms payment-refunded',
    ]);
    expect(
      listed
        .filter((n) => n.channel === 'email')
        .map((n) => n.template)
        .sort(),
    ).toEqual(['order-confirmed', 'payment-succeeded']);
    const mailed = (await mailTo(customer.email))
      .filter((mail) => mail.text.includes(order.id))
      .map((mail) => mail.subject);
    expect(mailed.some((subject) => subject.includes('is confirmed'))).toBe(true);
    expect(mailed.filter((subject) => /was cancelled|Refund issued/.test(subject))).toEqual([]);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const { headers } = await newCustomer();
    const refused = async (body: unknown) => {
      const response = await patchMe(headers, body);
      expect(response.status).toBe(400);
      return response;
    };

    const badPhone = await refused({ phone: '0151 1234567' });
    expect(fieldsOf(badPhone)).toEqual(['phone']);
    expect(messagesOf(badPhone)).toContain('E.164');
    const email = await refused({ email: 'someone-else@example.com' });
    expect(fieldsOf(email)).toEqual(['email']);
    expect(messagesOf(email)).toMatch(/cannot be changed.*verified/);
    const smsWithoutPhone = await refused({ notificationChannels: ['sms'] });
    expect(fieldsOf(smsWithoutPhone)).toEqual(['notificationChannels']);
    expect(messagesOf(smsWithoutPhone)).toContain('"sms" needs a phone number');
    expect(fieldsOf(await refused({ notificationChannels: ['fax'] }))).toEqual([
      'notificationChannels',
    ]);
    expect(fieldsOf(await refused({ role: 'admin' }))).toEqual(['role']);
    expect(fieldsOf(await refused({}))).toEqual(['body']);
    expect((await patchMe({}, { username: 'nobody' })).status).toBe(401);

    const me = await getJson(`${serviceUrl('user')}/users/me`, headers);
    expect(me.body).toMatchObject({ username: 'buyer', notificationChannels: ['email'] });
    expect(me.body).not.toHaveProperty('phone');
  });

  it("keeps a customer's profile and SMS notifications from another customer", async () => {
    const alice = await customerWith(['email', 'sms']);
    const order = await confirmedOrder(alice);
    await awaitNotifications(alice.headers, order.id, ['sms order-confirmed']);
    const bob = await newCustomer();

    expect(await notifications(bob.headers, { orderId: order.id })).toEqual([]);
    const others = await getJson(
      `${serviceUrl('notification')}/notifications?userId=${alice.userId}`,
      bob.headers,
    );
    expect(others.status).toBe(403);
    expect(JSON.stringify(others.body)).not.toContain(alice.phone);
    const bobsOwn = await notifications(bob.headers, {});
    expect(JSON.stringify(bobsOwn)).not.toContain(alice.phone);
    // Bob's PATCH changes Bob: /users/me is always the caller.
    const bobPhone = newPhone();
    const patched = await patchMe(bob.headers, { phone: bobPhone });
    expect(patched.body).toMatchObject({ email: bob.email, phone: bobPhone });
    const alicesProfile = await getJson(`${serviceUrl('user')}/users/me`, alice.headers);
    expect(alicesProfile.body).toMatchObject({ email: alice.email, phone: alice.phone });
  });
});
