import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { type ClaimedNotification } from '../../application/ports/delivery-queue';
import { PermanentDeliveryError } from '../../application/ports/notification-channels';
import { TwilioSmsChannel } from './twilio-sms-channel';

// The adapter against the development SMS sink (tools/smssink), over real HTTP on loopback:
// the two must speak the same Twilio API. The sink runs as its own process, as the stack
// runs it (the service does not import tooling).

const REPO_ROOT = path.resolve(__dirname, '../../../../../..');
const ACCOUNT_SID = 'ACdeadbeefdeadbeefdeadbeefdeadbeef';
const AUTH_TOKEN = 'round-trip-token';

interface RunningSink {
  readonly url: string;
  readonly process: ChildProcess;
}

/** Starts the sink on a free port; resolves with its URL once it listens. */
function startSink(): Promise<RunningSink> {
  const child = spawn(
    path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
    [
      path.join(REPO_ROOT, 'tools', 'smssink', 'cli.ts'),
      '--port',
      '0',
      '--account-sid',
      ACCOUNT_SID,
      '--auth-token',
      AUTH_TOKEN,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const url = /Twilio API at (http:\/\/[^/\s]+)\//.exec(output)?.[1];
      if (url) resolve({ url, process: child });
    });
    child.once('exit', (code) => {
      reject(new Error(`the SMS sink exited (${String(code)}): ${output}`));
    });
  });
}

function stopSink(sink: RunningSink): Promise<void> {
  return new Promise((resolve) => {
    sink.process.once('exit', () => {
      resolve();
    });
    sink.process.kill('SIGTERM');
  });
}

const sms: ClaimedNotification = {
  id: '3f1f8c7e-2b9a-4f47-8d8e-0a1b2c3d4e5f',
  channel: 'sms',
  template: 'order-confirmed',
  recipient: '+4915112345678',
  subject: 'Order 5d1c2b8a confirmed',
  body: 'kafka-commerce: your order 5d1c2b8a is confirmed (3 items, total 44.98).',
  attempts: 1,
};

interface Listed {
  readonly to: string;
  readonly from: string;
  readonly body: string;
  readonly accountSid: string;
}

describe('TwilioSmsChannel → development SMS sink (real HTTP round trip)', () => {
  let sink: RunningSink;
  const channel = (authToken = AUTH_TOKEN) =>
    new TwilioSmsChannel({
      apiUrl: sink.url,
      accountSid: ACCOUNT_SID,
      authToken,
      from: '+15005550006',
    });
  const listed = async (): Promise<Listed[]> =>
    (await (await fetch(`${sink.url}/messages`)).json()) as Listed[];

  beforeAll(async () => {
    Logger.overrideLogger(false);
    sink = await startSink();
  }, 30_000);

  afterAll(async () => {
    await stopSink(sink);
  });

  beforeEach(async () => {
    await fetch(`${sink.url}/messages`, { method: 'DELETE' });
  });

  it('delivers the message the sink then lists, as written', async () => {
    await channel().send(sms);
    expect(await listed()).toEqual([
      expect.objectContaining({
        to: '+4915112345678',
        from: '+15005550006',
        body: sms.body,
        accountSid: ACCOUNT_SID,
      }),
    ]);
  });

  it('fails for good, with the provider’s reason, on an invalid number', async () => {
    const refusal = channel().send({ ...sms, recipient: '+15005550001' });
    await expect(refusal).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(refusal).rejects.toThrow(
      "SMS provider refused the message: HTTP 400 (code 21211): The 'To' number +15005550001 is not a valid phone number.",
    );
    expect(await listed()).toEqual([]);
  });

  it.each([503, 500, 429])(
    'fails to be retried on %i, and the retry goes through',
    async (status) => {
      await fetch(`${sink.url}/faults?status=${status}&count=1`, { method: 'POST' });
      const failure = channel().send(sms);
      await expect(failure).rejects.toThrow(`HTTP ${status}`);
      await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
      await channel().send(sms);
      expect(await listed()).toHaveLength(1);
    },
  );

  it('fails to be retried on wrong credentials (an operator fixes them)', async () => {
    const failure = channel('wrong-token').send(sms);
    await expect(failure).rejects.toThrow('HTTP 401 (code 20003): Authenticate');
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
    expect(await listed()).toEqual([]);
  });

  it('fails to be retried when nothing listens', async () => {
    const gone = await startSink();
    await stopSink(gone); // the port is free again: connection refused
    const failure = new TwilioSmsChannel({
      apiUrl: gone.url,
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: '+15005550006',
    }).send(sms);
    await expect(failure).rejects.toThrow(
      /SMS provider not reachable: fetch failed \(.*ECONNREFUSED/,
    );
    await expect(failure).rejects.not.toBeInstanceOf(PermanentDeliveryError);
  }, 30_000);
});
