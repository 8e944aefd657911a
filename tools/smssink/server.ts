import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { handleRequest, RequestTooLargeError, sendTwilioError, type SinkState } from './http-api';
import { SmsStore } from './message-store';
import { twilioError } from './twilio-api';

/** The development account: what notification-service sends with unless told otherwise. */
export const DEV_ACCOUNT_SID = 'ACdeadbeefdeadbeefdeadbeefdeadbeef';
export const DEV_AUTH_TOKEN = 'dev-sms-auth-token';

export interface SmsSinkOptions {
  /** 0 picks a free port; the bound one is returned. */
  readonly port: number;
  readonly host?: string;
  readonly accountSid?: string;
  readonly authToken?: string;
  /** Messages kept in memory (oldest dropped first). */
  readonly capacity?: number;
}

export interface SmsSink {
  readonly host: string;
  readonly port: number;
  /** `http://host:port`: the base URL a Twilio client is pointed at. */
  readonly url: string;
  readonly accountSid: string;
  readonly store: SmsStore;
  /** The next `count` message requests answer `status` (429 or 5xx) instead of sending. */
  failNext(status: number, count?: number): void;
  stop(): Promise<void>;
}

/**
 * A development SMS provider: speaks Twilio's Messages API (form POST, basic auth, Twilio's
 * message and error documents), keeps what it accepts in memory and lists it over HTTP, so
 * tests and people can see what was sent. Sends nothing anywhere.
 */
export async function startSmsSink(options: SmsSinkOptions): Promise<SmsSink> {
  const host = options.host ?? '127.0.0.1';
  const state: SinkState = {
    accountSid: options.accountSid ?? DEV_ACCOUNT_SID,
    authToken: options.authToken ?? DEV_AUTH_TOKEN,
    store: new SmsStore(options.capacity),
    faults: { status: 503, remaining: 0 },
  };
  const http = createServer((request, response) => {
    handleRequest(state, request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const tooLarge = error instanceof RequestTooLargeError;
      sendTwilioError(
        response,
        tooLarge
          ? twilioError(413, 20413, error.message)
          : twilioError(500, 20500, 'An internal server error has occurred'),
      );
    });
  });
  await listen(http, options.port, host);
  const port = (http.address() as AddressInfo).port;
  return {
    host,
    port,
    url: `http://${host}:${port}`,
    accountSid: state.accountSid,
    store: state.store,
    failNext(status, count = 1) {
      state.faults.status = status;
      state.faults.remaining = count;
    },
    stop: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => {
        http.close(() => {
          resolve();
        });
      });
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
