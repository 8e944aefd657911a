import { randomBytes } from 'node:crypto';
import { type SentSms } from './message-store';

/*
 * The shapes of Twilio's Messages API (2010-04-01) the sink answers with: a created
 * message resource, and the error document Twilio sends with every 4xx/5xx
 * ({code, message, more_info, status}). Codes are Twilio's own.
 */

export const API_VERSION = '2010-04-01';
/** `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` */
export const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
/** The longest body Twilio accepts (it splits it into segments). */
export const MAX_BODY_LENGTH = 1600;

export interface TwilioError {
  readonly code: number;
  readonly message: string;
  readonly more_info: string;
  readonly status: number;
}

export function twilioError(status: number, code: number, message: string): TwilioError {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

export const ERRORS = {
  authenticate: () => twilioError(401, 20003, 'Authenticate'),
  notFound: (path: string) =>
    twilioError(404, 20404, `The requested resource ${path} was not found`),
  toRequired: () => twilioError(400, 21604, "A 'To' phone number is required."),
  fromRequired: () => twilioError(400, 21603, "A 'From' phone number is required."),
  bodyRequired: () => twilioError(400, 21602, 'Message body is required.'),
  invalidTo: (to: string) =>
    twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`),
  bodyTooLong: () =>
    twilioError(
      400,
      21617,
      `The concatenated message body exceeds the ${MAX_BODY_LENGTH} character limit.`,
    ),
  /** A fault injected with `failNext`: a server error (5xx) or too many requests (429). */
  injected: (status: number) =>
    status === 429
      ? twilioError(429, 20429, 'Too Many Requests')
      : twilioError(status, 20500, 'An internal server error has occurred'),
} as const;

/**
 * Twilio's magic test number that is "not a valid phone number" (21211), like any number
 * not in E.164 form: lets a test see a provider's permanent refusal.
 */
export const INVALID_TEST_NUMBER = '+15005550001';

export function isValidNumber(to: string): boolean {
  return /^\+[1-9][0-9]{1,14}$/.test(to) && to !== INVALID_TEST_NUMBER;
}

/** `SM` and 32 hex digits, like Twilio's message SIDs. */
export function newMessageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

/** GSM-7 text fits 160 characters in one segment (153 when split); anything else 70 (67). */
export function segmentsOf(body: string): number {
  const gsm = /^[\x20-\x7e\n\r£¥èéùìòÇØøÅå_ÆæßÉ¡ÄÖÑÜ§¿äöñüà]*$/.test(body);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const length = characters(body);
  return length <= single ? 1 : Math.ceil(length / multi);
}

/** Characters as Twilio counts them: code points (an emoji is one, not two UTF-16 units). */
export function characters(text: string): number {
  return text.match(/./gsu)?.length ?? 0;
}

/** The message resource Twilio answers a create with (201). */
export function messageResource(message: SentSms): Record<string, unknown> {
  const uri = `/${API_VERSION}/Accounts/${message.accountSid}/Messages/${message.sid}`;
  const date = rfc2822(new Date(message.receivedAt));
  return {
    account_sid: message.accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: date,
    date_sent: null,
    date_updated: date,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: message.from,
    messaging_service_sid: null,
    num_media: '0',
    num_segments: String(message.numSegments),
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: `${uri}/Media.json` },
    to: message.to,
    uri: `${uri}.json`,
  };
}

/** Twilio's dates: `Thu, 24 Aug 2023 05:01:45 +0000`. */
function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}
