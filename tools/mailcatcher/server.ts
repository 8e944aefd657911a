import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { handleRequest } from './http-api';
import { type CaughtMessage, MessageStore } from './message-store';

export interface MailCatcherOptions {
  /** 0 picks a free port; the bound one is returned. */
  readonly smtpPort: number;
  readonly httpPort: number;
  readonly host?: string;
  /** Messages kept in memory (oldest dropped first). */
  readonly capacity?: number;
}

export interface MailCatcher {
  readonly host: string;
  readonly smtpPort: number;
  readonly httpPort: number;
  readonly store: MessageStore;
  stop(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * A development SMTP sink: accepts any mail (no auth, no TLS), parses it and keeps it in
 * memory, and serves it over a small JSON API so tests and people can see what was sent.
 */
export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const store = new MessageStore(options.capacity);
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'kafka-commerce mail catcher',
    size: MAX_MESSAGE_BYTES,
    logger: false,
    // Clients (e.g. a service's connection pool) must not hold stop() up for long.
    closeTimeout: 1_000,
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          if (stream.sizeExceeded) {
            callback(new Error('message exceeds the size limit'));
            return;
          }
          store.add(toCaughtMessage(parsed, session));
          callback();
        },
        (error: unknown) => {
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
  });
  // A client that dies mid-session (a service killed with -9 in test:faults) resets its
  // connection; smtp-server reports that as an 'error' event, which without a listener ended
  // the whole sink. Only that session is lost.
  smtp.on('error', () => undefined);
  const http = createServer((request, response) => {
    handleRequest(store, request, response);
  });

  await listen(smtp.server, options.smtpPort, host);
  try {
    await listen(http, options.httpPort, host);
  } catch (error) {
    await closeSmtp(smtp);
    throw error;
  }
  return {
    host,
    smtpPort: boundPort(smtp.server),
    httpPort: boundPort(http),
    store,
    stop: async () => {
      http.closeAllConnections();
      await Promise.all([closeSmtp(smtp), closeHttp(http)]);
    },
  };
}

function toCaughtMessage(parsed: ParsedMail, session: SMTPServerSession): CaughtMessage {
  const { mailFrom, rcptTo } = session.envelope;
  return {
    id: randomUUID(),
    from: parsed.from?.text ?? (mailFrom ? mailFrom.address : ''),
    to: rcptTo.map((recipient) => recipient.address),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    receivedAt: new Date().toISOString(),
  };
}

function listen(server: Server | SMTPServer['server'], port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function boundPort(server: SMTPServer['server']): number {
  return (server.address() as AddressInfo).port;
}

function closeSmtp(smtp: SMTPServer): Promise<void> {
  return new Promise((resolve) => {
    smtp.close(resolve);
  });
}

function closeHttp(http: Server): Promise<void> {
  return new Promise((resolve) => {
    http.close(() => {
      resolve();
    });
  });
}
