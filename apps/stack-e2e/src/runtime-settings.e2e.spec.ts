import { randomUUID } from 'node:crypto';
import { waitFor } from '@kafka-commerce/testing';
import {
  asAdmin,
  type Headers,
  newCustomer,
  newProduct,
  type Order,
  payments,
  placeOrder,
  type Product,
  settledOrder,
} from './support/commerce';
import { getJson, type JsonResponse, postJson, serviceUrl } from './support/stack';

type SettingsService = 'payment' | 'analytics';

interface AuditEntry {
  version: number;
  changedAt: string;
  changedBy: { userId: string; email: string };
  changes: Record<string, { before: unknown; after: unknown }>;
}

interface FieldErrors {
  errors: { field: string; messages: string[] }[];
}

function settingsUrl(service: SettingsService, path = ''): string {
  return `${serviceUrl(service)}/settings${path}`;
}

async function patchJson(url: string, body: unknown, headers: Headers = {}): Promise<JsonResponse> {
  const response = await fetch(url, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function settingsOf(service: SettingsService): Promise<Record<string, unknown>> {
  const response = await getJson(settingsUrl(service), await asAdmin());
  expect(response.status).toBe(200);
  return response.body as Record<string, unknown>;
}

async function change(
  service: SettingsService,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await patchJson(settingsUrl(service), patch, await asAdmin());
  if (response.status !== 200)
    throw new Error(`PATCH /settings: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

async function audit(service: SettingsService): Promise<AuditEntry[]> {
  const response = await getJson(settingsUrl(service, '/audit'), await asAdmin());
  expect(response.status).toBe(200);
  return response.body as AuditEntry[];
}

interface ThresholdAlert {
  sensorId: string;
  kind: 'threshold' | 'anomaly';
  average?: number;
  threshold?: number;
}

/** Posts a window's worth of readings around `level` °C, 10 ms apart from now on (device clock). */
async function postReadings(sensorId: string, level: number, count = 10): Promise<void> {
  const start = Date.now();
  const batch = Array.from({ length: count }, (_, i) => ({
    sensorId,
    temperature: level + (i % 2 ? 0.5 : -0.5),
    timestamp: new Date(start + i * 10).toISOString(),
  }));
  const response = await postJson(`${serviceUrl('analytics')}/sensors/readings`, batch);
  expect(response.status).toBe(202);
}

/** Once the sensor has `count` closed windows (they close by age): the sensor's alerts. */
async function alertsOnceClosed(sensorId: string, count: number): Promise<ThresholdAlert[]> {
  await waitFor(
    async () => {
      const { body } = await getJson(`${serviceUrl('analytics')}/sensors/${sensorId}/windows`);
      return (body as unknown[]).length >= count || undefined;
    },
    { timeoutMs: 30_000, description: `${count} closed window(s) of ${sensorId}` },
  );
  // A window's alert is stored in the transaction that closes it: no need to wait further.
  const alerts = (await getJson(`${serviceUrl('analytics')}/alerts`)).body as ThresholdAlert[];
  return alerts.filter((alert) => alert.sensorId === sensorId);
}

/** The fields a 400 names. */
async function refusedFields(service: SettingsService, patch: unknown): Promise<string[]> {
  const response = await patchJson(settingsUrl(service), patch, await asAdmin());
  expect(response.status).toBe(400);
  return (response.body as FieldErrors).errors.map((error) => error.field);
}

/** When the service's process started: unchanged means it was not restarted. */
async function processStart(service: SettingsService): Promise<string> {
  const metrics = await (await fetch(`${serviceUrl(service)}/metrics`)).text();
  const started = /^process_start_time_seconds(?:\{[^}]*\})? (\S+)$/m.exec(metrics)?.[1];
  if (!started) throw new Error(`${service}-service exposes no process_start_time_seconds`);
  return started;
}

async function adminIdentity(): Promise<{ userId: string; email: string }> {
  const me = await getJson(`${serviceUrl('user')}/users/me`, await asAdmin());
  expect(me.status).toBe(200);
  const { id, email } = me.body as { id: string; email: string };
  return { userId: id, email };
}

describe('runtime settings', () => {
  let customer: { email: string; headers: Headers };

  beforeAll(async () => {
    customer = await newCustomer();
  });

  describe.each<SettingsService>(['payment', 'analytics'])('%s-service /settings', (service) => {
    it('answers 401 without a token and 403 to a customer, on every route', async () => {
      for (const path of ['', '/audit']) {
        expect((await getJson(settingsUrl(service, path))).status).toBe(401);
        expect((await getJson(settingsUrl(service, path), customer.headers)).status).toBe(403);
      }
      expect((await patchJson(settingsUrl(service), {})).status).toBe(401);
      expect((await patchJson(settingsUrl(service), {}, customer.headers)).status).toBe(403);
    });

    it('refuses a field that is not a setting and a body that is not an object', async () => {
      expect(await refusedFields(service, { colour: 'red' })).toEqual(['colour']);
      expect(await refusedFields(service, ['paymentLimit'])).toEqual(['body']);
    });
  });

  describe('payment-service: the payment limit', () => {
    let item: Product;
    let original: string;
    let startedAt: string;

    beforeAll(async () => {
      item = await newProduct('30.00', 100);
      original = (await settingsOf('payment')).paymentLimit as string;
      startedAt = await processStart('payment');
    });

    afterAll(async () => {
      // Whatever happened above, the next suites find the limit they expect.
      if ((await settingsOf('payment')).paymentLimit !== original)
        await change('payment', { paymentLimit: original });
    });

    it.each([
      ['a JSON number', 50],
      ['an exponent', '1e3'],
      ['a negative amount', '-1.00'],
      ['three decimals', '50.001'],
      ['more than a payment can hold', '10000000000.00'],
      ['null', null],
    ])('refuses a paymentLimit given as %s, naming it', async (_case, paymentLimit) => {
      expect(await refusedFields('payment', { paymentLimit })).toEqual(['paymentLimit']);
    });

    it('refuses the next order above a lowered limit, and confirms the next one once it is back, without a restart', async () => {
      const before = await settingsOf('payment');
      const lowered = await change('payment', { paymentLimit: '50' });
      expect(lowered).toMatchObject({
        paymentLimit: '50.00',
        version: (before.version as number) + 1,
        updatedAt: expect.any(String),
      });
      expect(await settingsOf('payment')).toEqual(lowered);

      // 2 × 30.00 = 60.00 > 50.00
      const refused = await placeOrder(customer.headers, [{ productId: item.id, quantity: 2 }]);
      const cancelled = await settledOrder((refused.body as Order).id, customer.headers);
      expect(cancelled).toMatchObject({
        status: 'CANCELLED',
        cancellationReason: 'amount_limit_exceeded',
        totalAmount: '60.00',
      });
      expect(await payments(cancelled.id, customer.headers)).toEqual([
        expect.objectContaining({ status: 'FAILED', reason: 'amount_limit_exceeded' }),
      ]);

      const restored = await change('payment', { paymentLimit: original });
      expect(restored).toMatchObject({
        paymentLimit: original,
        version: (before.version as number) + 2,
      });
      const accepted = await placeOrder(customer.headers, [{ productId: item.id, quantity: 2 }]);
      const confirmed = await settledOrder((accepted.body as Order).id, customer.headers);
      expect(confirmed).toMatchObject({ status: 'CONFIRMED', totalAmount: '60.00' });

      expect(await processStart('payment')).toBe(startedAt);

      const [latest, previous] = await audit('payment');
      const admin = await adminIdentity();
      expect(latest).toEqual({
        version: restored.version,
        changedAt: restored.updatedAt,
        changedBy: admin,
        changes: { paymentLimit: { before: '50.00', after: original } },
      });
      expect(previous).toEqual({
        version: lowered.version,
        changedAt: lowered.updatedAt,
        changedBy: admin,
        changes: { paymentLimit: { before: before.paymentLimit, after: '50.00' } },
      });
    });

    it('records no change for a limit set to the value it holds', async () => {
      const before = await settingsOf('payment');
      const [newest] = await audit('payment');
      expect(await change('payment', { paymentLimit: before.paymentLimit })).toEqual(before);
      expect((await audit('payment'))[0]).toEqual(newest);
    });
  });

  describe('analytics-service: the sensor stream settings', () => {
    let original: Record<string, unknown>;

    beforeAll(async () => {
      original = await settingsOf('analytics');
    });

    afterAll(async () => {
      const settings = Object.entries(original).filter(
        ([field]) => field !== 'version' && field !== 'updatedAt',
      );
      await change('analytics', Object.fromEntries(settings));
    });

    it('serves the settings in effect', () => {
      expect(original).toEqual({
        alertThreshold: expect.any(Number),
        anomalySensitivity: expect.any(Number),
        windowMaxReadings: expect.any(Number),
        windowMaxAgeMs: expect.any(Number),
        plausibleMin: expect.any(Number),
        plausibleMax: expect.any(Number),
        version: expect.any(Number),
        updatedAt: original.version === 0 ? null : expect.any(String),
      });
    });

    it.each([
      ['windowMaxReadings', { windowMaxReadings: 0 }],
      ['windowMaxReadings', { windowMaxReadings: 2.5 }],
      ['windowMaxAgeMs', { windowMaxAgeMs: -5 }],
      ['anomalySensitivity', { anomalySensitivity: 0 }],
      ['alertThreshold', { alertThreshold: '80' }],
      ['plausibleMin', { plausibleMin: 1000 }], // not below plausibleMax
      ['plausibleMax', { plausibleMax: -1000 }], // not above plausibleMin
    ])('refuses a bad %s, naming it', async (field, patch) => {
      expect(await refusedFields('analytics', patch)).toEqual([field]);
    });

    it('changes some settings, audited with the admin and each field before and after', async () => {
      const alertThreshold = (original.alertThreshold as number) + 1.5;
      const windowMaxReadings = (original.windowMaxReadings as number) + 1;
      const changed = await change('analytics', { alertThreshold, windowMaxReadings });
      expect(changed).toEqual({
        ...original,
        alertThreshold,
        windowMaxReadings,
        version: (original.version as number) + 1,
        updatedAt: expect.any(String),
      });
      expect(await settingsOf('analytics')).toEqual(changed);
      const [latest] = await audit('analytics');
      expect(latest).toEqual({
        version: changed.version,
        changedAt: changed.updatedAt,
        changedBy: await adminIdentity(),
        changes: {
          alertThreshold: { before: original.alertThreshold, after: alertThreshold },
          windowMaxReadings: { before: original.windowMaxReadings, after: windowMaxReadings },
        },
      });
    });

    it('judges the next window of a running stream against a threshold lowered by PATCH, without a restart', async () => {
      const startedAt = await processStart('analytics');
      // The threshold in effect (80 °C, SENSOR_ALERT_THRESHOLD's default), whatever ran before.
      await change('analytics', { alertThreshold: original.alertThreshold });
      expect(original.alertThreshold).toBeGreaterThan(70);
      const sensorId = `settings-${randomUUID().slice(0, 8)}`;

      await postReadings(sensorId, 70);
      expect(await alertsOnceClosed(sensorId, 1)).toEqual([]);

      await change('analytics', { alertThreshold: 60 });
      await postReadings(sensorId, 70);
      expect(await alertsOnceClosed(sensorId, 2)).toEqual([
        expect.objectContaining({ kind: 'threshold', average: 70, threshold: 60 }),
      ]);
      expect(await processStart('analytics')).toBe(startedAt);
    });
  });
});
