import { createTransport, type Transporter } from 'nodemailer';
import { type MailCatcher, startMailCatcher } from './server';
import { type CaughtMessage, MessageStore } from './message-store';

function mail(to: readonly string[], subject: string, text: string) {
  return {
    from: { name: 'kafka-commerce', address: 'no-reply@kafka-commerce.local' },
    to: [...to],
    subject,
    text,
  };
}

describe('mail catcher (SMTP in, JSON out, on loopback)', () => {
  let catcher: MailCatcher;
  let api: string;
  // The client the notification service uses: the catcher must accept what it writes.
  let smtp: Transporter;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    api = `http://${catcher.host}:${catcher.httpPort}`;
    smtp = createTransport({ host: catcher.host, port: catcher.smtpPort, secure: false });
  });

  afterAll(async () => {
    smtp.close();
    await catcher.stop();
  });

  beforeEach(async () => {
    expect((await fetch(`${api}/api/messages`, { method: 'DELETE' })).status).toBe(204);
  });

  async function messages(query = ''): Promise<CaughtMessage[]> {
    const response = await fetch(`${api}/api/messages${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as CaughtMessage[];
  }

  it('binds free ports when asked for port 0', () => {
    expect(catcher.smtpPort).toBeGreaterThan(0);
    expect(catcher.httpPort).toBeGreaterThan(0);
    expect(catcher.smtpPort).not.toBe(catcher.httpPort);
  });

  it('accepts a mail without auth or TLS and serves it parsed', async () => {
    await smtp.sendMail(
      mail(
        ['ada@example.com'],
        'Your order 5d1c2b8a is confirmed',
        // A line starting with a dot must survive SMTP's dot-stuffing.
        'Total amount: 44.98\r\n.dot line',
      ),
    );

    const [message, ...rest] = await messages();
    expect(rest).toHaveLength(0);
    expect(message).toEqual({
      id: expect.any(String),
      from: '"kafka-commerce" <no-reply@kafka-commerce.local>',
      to: ['ada@example.com'],
      subject: 'Your order 5d1c2b8a is confirmed',
      text: expect.stringContaining('Total amount: 44.98\n.dot line'),
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('filters by envelope recipient, case-insensitively, and forgets on DELETE', async () => {
    await smtp.sendMail(mail(['a@example.com'], 'one', 'x'));
    await smtp.sendMail(mail(['b@example.com', 'ops@example.com'], 'two', 'y'));

    expect((await messages('?to=B@Example.com')).map((m) => m.subject)).toEqual(['two']);
    expect((await messages('?to=ops%40example.com')).map((m) => m.subject)).toEqual(['two']);
    expect((await messages()).map((m) => m.subject)).toEqual(['one', 'two']);

    await fetch(`${api}/api/messages`, { method: 'DELETE' });
    expect(await messages()).toEqual([]);
  });

  it('answers health and 404 on unknown routes', async () => {
    expect(await (await fetch(`${api}/api/health`)).json()).toEqual({
      status: 'ok',
      messages: 0,
    });
    expect((await fetch(`${api}/nope`)).status).toBe(404);
  });
});

describe('MessageStore', () => {
  const message = (n: number): CaughtMessage => ({
    id: String(n),
    from: 'a@x',
    to: ['b@x'],
    subject: `m${n}`,
    text: '',
    receivedAt: new Date(0).toISOString(),
  });

  it('keeps only the newest messages up to its capacity', () => {
    const store = new MessageStore(3);
    for (let n = 1; n <= 5; n++) store.add(message(n));
    expect(store.list().map((m) => m.subject)).toEqual(['m3', 'm4', 'm5']);
    expect(store.size).toBe(3);
  });
});
