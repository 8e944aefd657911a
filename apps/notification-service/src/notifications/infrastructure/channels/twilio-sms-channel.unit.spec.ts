import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { type ClaimedNotification } from '../../application/ports/delivery-queue';
import { PermanentDeliveryError } from '../../application/ports/notification-channels';
import { describeProviderError, TwilioSmsChannel } from './twilio-sms-channel';

// What the adapter puts on the wire, seen by a real HTTP server on loopback that answers as
// told. The round trip with the development sink is twilio-sms-channel-with-sink.unit.spec.ts.

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

async function startProvider(answer: { status: number; body: string }) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body,
      });
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const sms: ClaimedNotification = {
  id: '3f1f8c7e-2b9a-4f47-8d8e-0a1b2c3d4e5f',
  channel: 'sms',
  template: 'order-confirmed',
  recipient: '+4915112345678',
  subject: 'Order 5d1c2b8a confirmed',
  body: 'kafka-commerce: your order 5d1c2b8a is confirmed & paid (Zoë ☕).',
  attempts: 1,
};

function channelFor(apiUrl: string): TwilioSmsChannel {
  return new TwilioSmsChannel({
    apiUrl,
    accountSid: ACCOUNT_SID,
    authToken: 's3cret',
    from: '+15005550006',
  });
}

beforeAll(() => {
  Logger.overrideLogger(false);
});

describe('TwilioSmsChannel on the wire', () => {
  it('POSTs To, From and Body form-encoded to the account’s Messages.json with basic auth', async () => {
    const provider = await startProvider({ status: 201, body: '{"sid":"SM1","status":"queued"}' });
    try {
      // A base URL with a path prefix keeps it.
      await channelFor(`${provider.url}/twilio/`).send(sms);
    } finally {
      await provider.stop();
    }
    const [request] = provider.received;
    expect(request).toMatchObject({
      method: 'POST',
      url: `/twilio/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
    });
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT_SID}:s3cret`).toString('base64')}`,
    );
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      To: '+4915112345678',
      From: '+15005550006',
      Body: sms.body,
    });
  });

  it.each([
    [400, true],
    [404, true],
    [422, true],
    [401, false],
    [403, false],
    [408, false],
    [429, false],
    [500, false],
    [503, false],
  ])('HTTP %i: permanent %s', async (status, permanent) => {
    const provider = await startProvider({
      status,
      body: JSON.stringify({ code: 21211, message: 'The number is not valid.', status }),
    });
    try {
      const failure = channelFor(provider.url).send(sms);
      await expect(failure).rejects.toThrow(
        `SMS provider refused the message: HTTP ${status} (code 21211): The number is not valid.`,
      );
      const error = await failure.catch((caught: unknown) => caught);
      expect(error instanceof PermanentDeliveryError).toBe(permanent);
    } finally {
      await provider.stop();
    }
  });
});

describe('describeProviderError', () => {
  it('reads Twilio’s error document, or shows a short raw body', () => {
    expect(describeProviderError(400, '{"code":21602,"message":"Message body is required."}')).toBe(
      'HTTP 400 (code 21602): Message body is required.',
    );
    expect(describeProviderError(502, '<html>Bad gateway</html>')).toBe(
      'HTTP 502: <html>Bad gateway</html>',
    );
    expect(describeProviderError(503, '')).toBe('HTTP 503');
  });
});
