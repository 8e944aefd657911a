import { Client } from 'pg';

export const SERVICE_KEYS = [
  'user',
  'order',
  'payment',
  'inventory',
  'notification',
  'analytics',
] as const;
export type ServiceKey = (typeof SERVICE_KEYS)[number];

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the suite through its jest config (global setup)`);
  return value;
}

export function serviceUrl(service: ServiceKey): string {
  return required(`E2E_${service.toUpperCase()}_URL`);
}

export function kafkaBrokers(): string[] {
  return required('E2E_KAFKA_BROKERS').split(',');
}

/** The stack's Zipkin (traces of every service). */
export function zipkinUrl(): string {
  return required('E2E_ZIPKIN_URL');
}

/** Runs one query against a service's own database, as a test inspecting its effects. */
export async function queryDatabase<TRow extends Record<string, unknown>>(
  service: ServiceKey,
  sql: string,
  values: unknown[] = [],
): Promise<TRow[]> {
  const client = new Client({
    connectionString: required(`E2E_${service.toUpperCase()}_DATABASE_URL`),
  });
  await client.connect();
  try {
    return (await client.query<TRow>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: await response.json() };
}

/** The development admin account user-service creates at start-up (see README). */
export const ADMIN = { email: 'admin@kafka-commerce.local', password: 'admin-password' };

/** Logs in and returns the Authorization header for the account. */
export async function bearer(credentials: {
  email: string;
  password: string;
}): Promise<Record<string, string>> {
  const { email, password } = credentials;
  const response = await postJson(`${serviceUrl('user')}/auth/login`, { email, password });
  if (response.status !== 200)
    throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { authorization: `Bearer ${(response.body as { accessToken: string }).accessToken}` };
}
