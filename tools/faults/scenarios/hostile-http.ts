import { randomUUID } from 'node:crypto';
import { bearer } from '../../load/http-client';
import { SERVICE_NAMES } from '@kafka-commerce/events';
import { operationsOf, type Operation } from '../hostile/openapi';
import { inputProbes, pathWith, type Probe, sample } from '../hostile/probes';
import { badCredentials } from '../hostile/tokens';
import { type Customer, type PlacedOrder } from '../load';
import { type Scenario, type ScenarioContext } from '../scenario';

const CONCURRENCY = 8;
const NO_TOKEN = 'no token';

interface Answer {
  readonly status: number;
  readonly text: string;
}

async function send(probe: Probe): Promise<Answer> {
  const { operation } = probe;
  const response = await fetch(`${operation.baseUrl}${probe.path}`, {
    method: operation.method,
    headers: probe.headers,
    ...(probe.body === undefined ? {} : { body: probe.body }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, text: await response.text() };
}

function bodyFor(operation: Operation): string | undefined {
  return operation.method === 'GET' || operation.method === 'DELETE'
    ? undefined
    : JSON.stringify(operation.body ? sample(operation.body) : {});
}

/** Bad tokens on every operation: one that needs a token must refuse them all. */
function tokenProbes(
  operation: Operation,
  credentials: ReturnType<typeof badCredentials>,
): Probe[] {
  const path = pathWith(operation, () => randomUUID());
  const body = bodyFor(operation);
  return credentials.map((credential) => ({
    operation,
    what: `token: ${credential.kind}`,
    path,
    headers: { 'content-type': 'application/json', ...credential.header },
    ...(body === undefined ? {} : { body }),
    badToken: credential.kind,
  }));
}

/** Another customer's token, with the victim's ids wherever an id goes. */
function trespassProbes(
  operation: Operation,
  attacker: Customer,
  victim: Customer,
  orders: readonly PlacedOrder[],
): Probe[] {
  const idFor = (name: string, order: PlacedOrder) =>
    /user/i.test(name) ? victim.userId : order.id;
  return orders.slice(0, 3).map((order) => {
    const query = operation.parameters
      .filter((p) => p.in === 'query' && /id$/i.test(p.name))
      .map((p) => `${p.name}=${idFor(p.name, order)}`)
      .join('&');
    const body = bodyFor(operation);
    return {
      operation,
      what: `another customer's token on order ${order.id}`,
      path: `${pathWith(operation, (name) => idFor(name, order))}${query ? `?${query}` : ''}`,
      headers: { 'content-type': 'application/json', ...bearer(attacker.token) },
      ...(body === undefined ? {} : { body }),
    };
  });
}

async function runAll(
  probes: readonly Probe[],
  check: (probe: Probe, answer: Answer | Error) => void,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < probes.length) {
        const probe = probes[next++] as Probe;
        check(
          probe,
          await send(probe).catch((error: unknown) =>
            error instanceof Error ? error : new Error(String(error)),
          ),
        );
      }
    }),
  );
}

async function probeEverything(
  { stack, violation, note }: ScenarioContext,
  attacker: Customer,
  victim: Customer,
  victimOrders: readonly PlacedOrder[],
): Promise<void> {
  const operations = (
    await Promise.all(SERVICE_NAMES.map((s) => operationsOf(stack.url(s))))
  ).flat();
  const admin = bearer(await stack.admin());
  const credentials = badCredentials(stack.profile.stateDir, attacker.token, victim.userId);
  const secrets = [victim.userId, victim.email, ...victimOrders.map((order) => order.id)];
  const probes = operations.flatMap((operation) => [
    ...tokenProbes(operation, credentials),
    ...inputProbes(operation, admin),
    ...trespassProbes(operation, attacker, victim, victimOrders),
  ]);
  const failures = {
    serverError: [] as string[],
    letThrough: [] as string[],
    leaked: [] as string[],
  };
  const statuses = new Map<number, number>();
  const badTokenAnswers = new Map<Operation, Map<string, number>>();
  await runAll(probes, (probe, answer) => {
    const where = `${probe.operation.method} ${probe.operation.path} (${probe.what})`;
    if (answer instanceof Error) {
      failures.serverError.push(`${where}: no answer (${answer.message})`);
      return;
    }
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 500)
      failures.serverError.push(`${where}: ${answer.status} ${answer.text.slice(0, 120)}`);
    if (probe.badToken !== undefined) {
      const answers = badTokenAnswers.get(probe.operation) ?? new Map<string, number>();
      badTokenAnswers.set(probe.operation, answers.set(probe.badToken, answer.status));
    }
    const asAttacker = probe.headers.authorization?.includes(attacker.token) ?? false;
    if (asAttacker && answer.status < 300 && secrets.some((secret) => answer.text.includes(secret)))
      failures.leaked.push(`${where}: ${answer.status}`);
  });
  // An operation needs a token if its document says so or it refuses a request without one.
  const undocumented: string[] = [];
  for (const [operation, answers] of badTokenAnswers) {
    const refusesAnonymous = (answers.get(NO_TOKEN) ?? 0) === 401;
    if (refusesAnonymous && !operation.secured)
      undocumented.push(`${operation.method} ${operation.path}`);
    if (!refusesAnonymous && !operation.secured) continue;
    for (const [kind, status] of answers)
      if (status < 300)
        failures.letThrough.push(`${operation.method} ${operation.path} (${kind}): ${status}`);
  }
  if (undocumented.length > 0)
    note(`needs a token but its OpenAPI operation has no security: ${undocumented.join(', ')}`);
  const secured = operations.filter((operation) => operation.secured).length;
  const answered = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
  note(
    `${probes.length} hostile requests on ${operations.length} operations (${secured} secured) of ` +
      `${SERVICE_NAMES.length} OpenAPI documents; answers ${answered.join(' ')}`,
  );
  const report = (invariant: string, list: string[]) => {
    if (list.length > 0) violation(invariant, `${list.length}: ${list.slice(0, 6).join(' | ')}`);
  };
  report('http-never-5xx', failures.serverError);
  report('http-bad-token-refused', failures.letThrough);
  report('http-never-another-users-data', failures.leaked);
}

export const hostileHttp: Scenario = {
  name: 'hostile-http',
  title:
    "hostile requests on every operation of every OpenAPI document, mid-load: never a 5xx, never another customer's data",
  quick: true,
  async run(context) {
    const { fixture, load, quick } = context;
    const people = await fixture({ customers: 2, products: 2, stock: 1000 });
    const [victim, attacker] = people.customers as [Customer, Customer];
    await load(
      { customers: [victim], products: people.products },
      { orders: quick ? 12 : 24, concurrency: 3, cancelShare: 0.2, declinedShare: 0.1 },
      (placedSoFar) => probeEverything(context, attacker, victim, placedSoFar),
    );
  },
};
