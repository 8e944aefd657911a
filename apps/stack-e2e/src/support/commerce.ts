import { randomUUID } from 'node:crypto';
import { waitFor } from '@kafka-commerce/testing';
import { ADMIN, bearer, getJson, postJson, serviceUrl } from './stack';

export type Headers = Record<string, string>;

export interface Product {
  id: string;
  sku: string;
  name: string;
  price: string;
  stock: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
}

export interface Order {
  id: string;
  userId: string;
  status: 'PENDING' | 'CONFIRMED' | 'CANCELLED';
  totalAmount: string;
  items: { productId: string; quantity: number; unitPrice: string }[];
  cancellationReason?: string;
  history: { status: string; reason?: string }[];
}

export interface Payment {
  id: string;
  orderId: string;
  amount: string;
  method: string;
  status: 'SUCCEEDED' | 'FAILED' | 'REFUNDED';
  reason?: string;
}

let adminHeaders: Promise<Headers> | undefined;
export function asAdmin(): Promise<Headers> {
  adminHeaders ??= bearer(ADMIN);
  return adminHeaders;
}

/** Registers a new customer and returns its email and bearer header. */
export async function newCustomer(): Promise<{ email: string; headers: Headers }> {
  const email = `buyer-${randomUUID().slice(0, 8)}@example.com`;
  const password = 'correct horse battery';
  const created = await postJson(`${serviceUrl('user')}/users`, {
    email,
    username: 'buyer',
    password,
  });
  if (created.status !== 201)
    throw new Error(`registration failed: ${JSON.stringify(created.body)}`);
  return { email, headers: await bearer({ email, password }) };
}

/** Creates a product as admin. */
export async function newProduct(
  price: string,
  stock: number,
  lowStockThreshold = 0,
): Promise<Product> {
  const response = await postJson(
    `${serviceUrl('inventory')}/products`,
    {
      sku: `SKU-${randomUUID().slice(0, 8)}`,
      name: 'Test product',
      price,
      stock,
      lowStockThreshold,
    },
    await asAdmin(),
  );
  if (response.status !== 201)
    throw new Error(`product creation failed: ${JSON.stringify(response.body)}`);
  return response.body as Product;
}

export const ADDRESS = {
  street: '1 Main St',
  city: 'Springfield',
  postalCode: '12345',
  country: 'US',
};

/**
 * Places an order. order-service prices from its own catalog projection, which learns of a
 * new product through Kafka: until it has, the answer is 422, so this retries on 422 only.
 */
export function placeOrder(
  headers: Headers,
  items: { productId: string; quantity: number }[],
  paymentMethod = 'card',
  idempotencyKey?: string,
) {
  return waitFor(
    async () => {
      const response = await postJson(
        `${serviceUrl('order')}/orders`,
        { items, shippingAddress: ADDRESS, paymentMethod },
        idempotencyKey ? { ...headers, 'idempotency-key': idempotencyKey } : headers,
      );
      return response.status === 422 ? undefined : response;
    },
    { description: 'order-service to know the products' },
  );
}

/** Waits until the order leaves PENDING, and returns it. */
export function settledOrder(orderId: string, headers: Headers): Promise<Order> {
  return waitFor(
    async () => {
      const response = await getJson(`${serviceUrl('order')}/orders/${orderId}`, headers);
      const order = response.body as Order;
      return response.status === 200 && order.status !== 'PENDING' ? order : undefined;
    },
    { timeoutMs: 30_000, description: `order ${orderId} to be confirmed or cancelled` },
  );
}

export async function product(id: string): Promise<Product> {
  return (await getJson(`${serviceUrl('inventory')}/products/${id}`)).body as Product;
}

/**
 * The order's payments as the caller (its owner or an admin) sees them. payment-service learns
 * of an order from order.created and answers its owner 404 until then, so this waits that out.
 */
export function payments(orderId: string, headers: Headers): Promise<Payment[]> {
  return waitFor(
    async () => {
      const response = await getJson(
        `${serviceUrl('payment')}/payments?orderId=${orderId}`,
        headers,
      );
      if (response.status === 404) return undefined;
      if (response.status !== 200)
        throw new Error(`GET /payments: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as Payment[];
    },
    { description: `payment-service to know order ${orderId}` },
  );
}

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/** Mail the notification service sent through the SMTP sink, to one address. */
export async function mailTo(address: string): Promise<Mail[]> {
  const url = process.env.E2E_MAIL_URL;
  if (!url) throw new Error('E2E_MAIL_URL is not set');
  const response = await fetch(`${url}/api/messages?to=${encodeURIComponent(address)}`);
  return (await response.json()) as Mail[];
}

export function awaitMail(
  address: string,
  matches: (mail: Mail) => boolean,
  description: string,
): Promise<Mail> {
  return waitFor(async () => (await mailTo(address)).find(matches), {
    timeoutMs: 30_000,
    description,
  });
}
