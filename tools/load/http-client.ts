import { SERVICES, type ServiceSpec } from '../stack/services';

export interface JsonAnswer {
  readonly status: number;
  readonly json: unknown;
}

/** One JSON request as a client sends it; the answer's body is parsed when it is JSON. */
export async function callJson(
  method: string,
  url: string,
  body?: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: the text itself is the answer
  }
  return { status: response.status, json };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** Logs in at user-service and returns the access token. */
export async function login(userServiceUrl: string, email: string, password: string) {
  const { status, json } = await callJson('POST', `${userServiceUrl}/auth/login`, {
    email,
    password,
  });
  if (status !== 200)
    throw new Error(`login of ${email} failed: ${status} ${JSON.stringify(json)}`);
  return (json as { accessToken: string }).accessToken;
}

/** The development admin account user-service creates at start-up (see README). */
export function adminCredentials(env: NodeJS.ProcessEnv): { email: string; password: string } {
  return {
    email: env.ADMIN_EMAIL ?? 'admin@kafka-commerce.local',
    password: env.ADMIN_PASSWORD ?? 'admin-password',
  };
}

export function serviceSpec(name: string): ServiceSpec {
  const spec = SERVICES.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`unknown service ${name}`);
  return spec;
}
