import { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { type ClaimedNotification } from '../../application/ports/delivery-queue';
import { SmtpEmailChannel } from './smtp-email-channel';

/** A real SMTP server on a free loopback port, keeping what it receives. */
async function startSink(): Promise<{
  port: number;
  received: ParsedMail[];
  stop(): Promise<void>;
}> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      callback(address.address.startsWith('bounce') ? new Error('550 no such user') : undefined);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: unknown) => {
          callback(error as Error);
        },
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    stop: () =>
      new Promise((resolve) => {
        server.close(resolve);
      }),
  };
}

const notification: ClaimedNotification = {
  id: '3f1f8c7e-2b9a-4f47-8d8e-0a1b2c3d4e5f',
  channel: 'email',
  template: 'order-confirmed',
  recipient: 'ada@example.com',
  subject: 'Your order 5d1c2b8a is confirmed',
  body: 'Hi ada,\n\nTotal amount: 44.98\n',
  attempts: 1,
};

describe('SmtpEmailChannel (real SMTP round trip on loopback)', () => {
  it('sends a plain-text mail the server receives as written', async () => {
    const sink = await startSink();
    const channel = new SmtpEmailChannel({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      from: 'kafka-commerce <no-reply@kafka-commerce.local>',
    });
    try {
      await channel.send(notification);
    } finally {
      channel.onApplicationShutdown();
      await sink.stop();
    }

    const [mail] = sink.received;
    expect(mail?.subject).toBe('Your order 5d1c2b8a is confirmed');
    expect(mail?.text).toBe('Hi ada,\n\nTotal amount: 44.98\n');
    expect(mail?.from?.text).toContain('no-reply@kafka-commerce.local');
    expect(mail?.messageId).toBe(`<${notification.id}@notifications.kafka-commerce>`);
    expect(mail?.headers.get('x-notification-template')).toBe('order-confirmed');
  });

  it('rejects when the server refuses the recipient', async () => {
    const sink = await startSink();
    const channel = new SmtpEmailChannel({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      from: 'no-reply@kafka-commerce.local',
    });
    try {
      await expect(
        channel.send({ ...notification, recipient: 'bounce@example.com' }),
      ).rejects.toThrow(/no such user/);
    } finally {
      channel.onApplicationShutdown();
      await sink.stop();
    }
    expect(sink.received).toHaveLength(0);
  });

  it('rejects quickly when no server listens', async () => {
    const sink = await startSink();
    const port = sink.port;
    await sink.stop(); // the port is free again: connection refused
    const channel = new SmtpEmailChannel({
      host: '127.0.0.1',
      port,
      secure: false,
      from: 'no-reply@kafka-commerce.local',
    });
    try {
      await expect(channel.send(notification)).rejects.toThrow();
    } finally {
      channel.onApplicationShutdown();
    }
  });
});
