import { SmsStore, type SentSms } from './message-store';
import { DEV_ACCOUNT_SID, DEV_AUTH_TOKEN, type SmsSink, startSmsSink } from './server';
import { segmentsOf } from './twilio-api';

const basic = (sid: string, token: string) =>
  `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`;

describe('SMS sink (Twilio Messages API in, JSON out, on loopback)', () => {
  let sink: SmsSink;

  beforeAll(async () => {
    sink = await startSmsSink({ port: 0 });
  });

  afterAll(async () => {
    await sink.stop();
  });

  beforeEach(async () => {
    expect((await fetch(`${sink.url}/messages`, { method: 'DELETE' })).status).toBe(204);
  });

  function create(
    form: Record<string, string>,
    { sid = DEV_ACCOUNT_SID, auth = basic(DEV_ACCOUNT_SID, DEV_AUTH_TOKEN) } = {},
  ): Promise<Response> {
    return fetch(`${sink.url}/2010-04-01/Accounts/${sid}/Messages.json`, {
      method: 'POST',
      headers: { authorization: auth },
      body: new URLSearchParams(form),
    });
  }

  async function listed(query = ''): Promise<SentSms[]> {
    const response = await fetch(`${sink.url}/messages${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as SentSms[];
  }

  const valid = { To: '+4915112345678', From: '+15005550006', Body: 'Your order is confirmed.' };

  it('binds a free port when asked for port 0', () => {
    expect(sink.port).toBeGreaterThan(0);
  });

  it('accepts a form POST with basic auth: 201 and a Twilio message resource', async () => {
    const response = await create(valid);

    expect(response.status).toBe(201);
    const message = (await response.json()) as Record<string, unknown>;
    expect(message).toMatchObject({
      sid: expect.stringMatching(/^SM[0-9a-f]{32}$/),
      account_sid: DEV_ACCOUNT_SID,
      to: valid.To,
      from: valid.From,
      body: valid.Body,
      status: 'queued',
      direction: 'outbound-api',
      num_segments: '1',
      api_version: '2010-04-01',
      date_created: expect.stringMatching(/^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$/),
    });
    expect(message.uri).toBe(
      `/2010-04-01/Accounts/${DEV_ACCOUNT_SID}/Messages/${String(message.sid)}.json`,
    );
    expect(await listed()).toEqual([
      expect.objectContaining({
        sid: message.sid,
        to: valid.To,
        body: valid.Body,
        status: 'queued',
      }),
    ]);
  });

  it('keeps non-ASCII text and counts segments as Twilio does', async () => {
    await create({ ...valid, Body: 'Zoë ☕ — Bestellung bestätigt' });
    expect((await listed())[0]?.body).toBe('Zoë ☕ — Bestellung bestätigt');
    expect(segmentsOf('x'.repeat(160))).toBe(1);
    expect(segmentsOf('x'.repeat(161))).toBe(2);
    expect(segmentsOf('☕'.repeat(70))).toBe(1);
    expect(segmentsOf('☕'.repeat(71))).toBe(2);
  });

  it('filters the list by recipient', async () => {
    await create(valid);
    await create({ ...valid, To: '+12025550123' });
    expect((await listed('?to=%2B12025550123')).map((m) => m.to)).toEqual(['+12025550123']);
    expect(await listed()).toHaveLength(2);
  });

  it.each([
    ['a wrong token', basic(DEV_ACCOUNT_SID, 'wrong')],
    ['another account', basic('AC0123456789abcdef0123456789abcdef', DEV_AUTH_TOKEN)],
    ['no credentials', ''],
  ])('answers %s with 401 in Twilio’s error shape, storing nothing', async (_case, auth) => {
    const response = await create(valid, { auth });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Basic');
    expect(await response.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
    expect(await listed()).toEqual([]);
  });

  it.each([
    ['To', 21604, "A 'To' phone number is required."],
    ['Body', 21602, 'Message body is required.'],
    ['From', 21603, "A 'From' phone number is required."],
  ])('answers a missing %s with 400 and Twilio’s code %i', async (field, code, message) => {
    const form = Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field));
    const response = await create(form);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code, message, status: 400 });
    expect(await listed()).toEqual([]);
  });

  it('refuses a number that is not E.164, and Twilio’s invalid test number, with 21211', async () => {
    for (const to of ['015112345678', '+15005550001']) {
      const response = await create({ ...valid, To: to });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 21211,
        message: `The 'To' number ${to} is not a valid phone number.`,
      });
    }
  });

  it('refuses a body over 1,600 characters with 21617, counting an emoji as one', async () => {
    expect((await create({ ...valid, Body: '☕'.repeat(1600) })).status).toBe(201);
    const response = await create({ ...valid, Body: 'x'.repeat(1601) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 21617 });
  });

  it('answers injected faults (5xx, 429) for as many requests as asked, then accepts again', async () => {
    sink.failNext(503, 2);
    expect((await create(valid)).status).toBe(503);
    const second = await create(valid);
    expect(second.status).toBe(503);
    expect(await second.json()).toMatchObject({ code: 20500, status: 503 });
    expect((await create(valid)).status).toBe(201);

    expect((await fetch(`${sink.url}/faults?status=429&count=1`, { method: 'POST' })).status).toBe(
      204,
    );
    expect((await create(valid)).status).toBe(429);
    expect((await create(valid)).status).toBe(201);
    expect(await listed()).toHaveLength(2);
  });

  it('answers health, an HTML page, and 404 (Twilio-shaped) on unknown routes', async () => {
    await create({ ...valid, Body: '<b>bold</b>' });
    expect(await (await fetch(`${sink.url}/health`)).json()).toEqual({ status: 'ok', messages: 1 });
    const page = await fetch(`${sink.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(html).not.toContain('<b>bold');
    const missing = await fetch(`${sink.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 20404, status: 404 });
  });
});

describe('SmsStore', () => {
  const message = (n: number): SentSms => ({
    sid: `SM${n}`,
    accountSid: DEV_ACCOUNT_SID,
    from: '+15005550006',
    to: '+4915112345678',
    body: `m${n}`,
    status: 'queued',
    numSegments: 1,
    receivedAt: new Date(0).toISOString(),
  });

  it('keeps only the newest messages up to its capacity', () => {
    const store = new SmsStore(3);
    for (let n = 1; n <= 5; n++) store.add(message(n));
    expect(store.list().map((m) => m.body)).toEqual(['m3', 'm4', 'm5']);
    expect(store.size).toBe(3);
  });
});
