import { Inject, Injectable, Logger } from '@nestjs/common';
import { type ClaimedNotification } from '../../application/ports/delivery-queue';
import { PermanentDeliveryError } from '../../application/ports/notification-channels';
import { SMS_SETTINGS, type SmsSettings } from './sms-settings';

/**
 * Short, like the SMTP pool's: a consumer waits for its new notifications to be sent, and an
 * unreachable provider must not stall it (what fails is retried by the background sender).
 */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * 4xx answers a retry can cure: credentials (an operator fixes them), a timeout, rate
 * limiting. Any other 4xx refuses the message itself (an invalid number, a body too long).
 */
const RETRIABLE_CLIENT_ERRORS = new Set([401, 403, 408, 429]);

/**
 * SMS through Twilio's Messages resource (or anything speaking it, like tools/smssink):
 * `POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded To, From and
 * Body, HTTP basic auth AccountSid:AuthToken. Network errors, 5xx and 429 reject with a plain
 * error (retried with the queue's back-off); a refusal of the message itself rejects with
 * PermanentDeliveryError (recorded FAILED with the provider's reason).
 */
@Injectable()
export class TwilioSmsChannel {
  private readonly logger = new Logger(TwilioSmsChannel.name);
  private readonly endpoint: string;
  private readonly authorization: string;

  constructor(@Inject(SMS_SETTINGS) private readonly settings: SmsSettings) {
    const base = settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/`;
    const path = `2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
    this.endpoint = new URL(path, base).toString();
    const credentials = `${settings.accountSid}:${settings.authToken}`;
    this.authorization = `Basic ${Buffer.from(credentials).toString('base64')}`;
  }

  async send(notification: ClaimedNotification): Promise<void> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { authorization: this.authorization, accept: 'application/json' },
        // URLSearchParams: sent as application/x-www-form-urlencoded;charset=UTF-8.
        body: new URLSearchParams({
          To: notification.recipient,
          From: this.settings.from,
          Body: notification.body,
        }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      throw new Error(`SMS provider not reachable: ${describe(error)}`);
    }
    if (response.ok) {
      this.logger.debug(
        { id: notification.id, template: notification.template, sid: messageSidOf(text) },
        'sms accepted by the provider',
      );
      return;
    }
    const reason = `SMS provider refused the message: ${describeProviderError(response.status, text)}`;
    if (
      response.status >= 400 &&
      response.status < 500 &&
      !RETRIABLE_CLIENT_ERRORS.has(response.status)
    ) {
      throw new PermanentDeliveryError(reason);
    }
    throw new Error(reason);
  }
}

interface TwilioError {
  readonly code?: unknown;
  readonly message?: unknown;
}

/** `400 (code 21211): The 'To' number … is not a valid phone number.` — or the raw text. */
export function describeProviderError(status: number, text: string): string {
  const body = parseJson(text) as TwilioError | undefined;
  const code =
    typeof body?.code === 'number' || typeof body?.code === 'string' ? body.code : undefined;
  const message = typeof body?.message === 'string' ? body.message : text.slice(0, 200).trim();
  return `HTTP ${status}${code === undefined ? '' : ` (code ${code})`}${message ? `: ${message}` : ''}`;
}

function messageSidOf(text: string): string | undefined {
  const body = parseJson(text) as { sid?: unknown } | undefined;
  return typeof body?.sid === 'string' ? body.sid : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * fetch reports "fetch failed" and keeps the socket's error (ECONNREFUSED …) as its cause.
 * Read by shape: undici's errors need not be instances of this realm's Error (under jest).
 */
function describe(error: unknown): string {
  const message = messageOf(error);
  const cause = messageOf((error as { cause?: unknown } | null)?.cause);
  return cause === undefined
    ? (message ?? String(error))
    : `${message ?? String(error)} (${cause})`;
}

function messageOf(error: unknown): string | undefined {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}
