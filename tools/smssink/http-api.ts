import { createHash } from 'node:crypto';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type SentSms, type SmsStore } from './message-store';
import {
  characters,
  ERRORS,
  isValidNumber,
  MAX_BODY_LENGTH,
  messageResource,
  MESSAGES_PATH,
  newMessageSid,
  segmentsOf,
  type TwilioError,
} from './twilio-api';

/** The account the sink accepts, and its state. */
export interface SinkState {
  readonly accountSid: string;
  readonly authToken: string;
  readonly store: SmsStore;
  /** Faults to answer the next message requests with (then back to normal). */
  readonly faults: { status: number; remaining: number };
}

const MAX_REQUEST_BYTES = 64 * 1024;

/**
 * The sink's HTTP API:
 *   POST   /2010-04-01/Accounts/{Sid}/Messages.json  Twilio's create: form To, From, Body, basic
 *                                                   auth Sid:Token → 201 message resource;
 *                                                   401/400/404 as Twilio's error document
 *   GET    /messages[?to=+4915…]                     → [{sid, from, to, body, status, …}], oldest first
 *   DELETE /messages                                 → 204, forgets every message
 *   POST   /faults?status=503&count=2                → 204: the next 2 creates answer 503 (or 429 …)
 *   GET    /health                                   → {status: "ok", messages}
 *   GET    /                                         → a plain HTML list, for people
 */
export async function handleRequest(
  state: SinkState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://smssink');
  const method = request.method ?? 'GET';
  const messages = MESSAGES_PATH.exec(url.pathname);
  if (messages && method === 'POST') {
    const [error, created] = await createMessage(state, request, messages[1] ?? '');
    if (error) sendTwilioError(response, error);
    else sendJson(response, 201, messageResource(created));
    return;
  }
  switch (`${method} ${url.pathname}`) {
    case 'GET /messages':
      sendJson(response, 200, state.store.list({ to: url.searchParams.get('to') ?? undefined }));
      return;
    case 'DELETE /messages':
      state.store.clear();
      response.writeHead(204).end();
      return;
    case 'POST /faults':
      injectFaults(state, url.searchParams, response);
      return;
    case 'GET /health':
      sendJson(response, 200, { status: 'ok', messages: state.store.size });
      return;
    case 'GET /':
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(renderPage(state.store));
      return;
    default:
      sendTwilioError(response, ERRORS.notFound(url.pathname));
  }
}

type Outcome = [TwilioError, undefined] | [undefined, SentSms];

async function createMessage(
  state: SinkState,
  request: IncomingMessage,
  pathSid: string,
): Promise<Outcome> {
  const form = await readForm(request);
  if (!authenticated(state, request.headers.authorization))
    return [ERRORS.authenticate(), undefined];
  if (pathSid !== state.accountSid) {
    return [ERRORS.notFound(`/2010-04-01/Accounts/${pathSid}/Messages.json`), undefined];
  }
  if (state.faults.remaining > 0) {
    state.faults.remaining--;
    return [ERRORS.injected(state.faults.status), undefined];
  }
  const to = form.get('To')?.trim() ?? '';
  const from = form.get('From')?.trim() ?? form.get('MessagingServiceSid')?.trim() ?? '';
  const body = form.get('Body') ?? '';
  if (!to) return [ERRORS.toRequired(), undefined];
  if (!from) return [ERRORS.fromRequired(), undefined];
  if (!body) return [ERRORS.bodyRequired(), undefined];
  if (!isValidNumber(to)) return [ERRORS.invalidTo(to), undefined];
  if (characters(body) > MAX_BODY_LENGTH) return [ERRORS.bodyTooLong(), undefined];
  const message: SentSms = {
    sid: newMessageSid(),
    accountSid: state.accountSid,
    from,
    to,
    body,
    status: 'queued',
    numSegments: segmentsOf(body),
    receivedAt: new Date().toISOString(),
  };
  state.store.add(message);
  return [undefined, message];
}

/** The form fields of a urlencoded body; none for any other content type. */
async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  request.setEncoding('utf8');
  let text = '';
  for await (const chunk of request as AsyncIterable<string>) {
    text += chunk;
    if (Buffer.byteLength(text) > MAX_REQUEST_BYTES) throw new RequestTooLargeError();
  }
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return new URLSearchParams();
  return new URLSearchParams(text);
}

export class RequestTooLargeError extends Error {
  constructor() {
    super(`request body over ${MAX_REQUEST_BYTES} bytes`);
    this.name = 'RequestTooLargeError';
  }
}

/**
 * HTTP basic auth with the account's SID and token. Digests are compared, so how long the
 * comparison takes says nothing about the secret.
 */
function authenticated(state: SinkState, header: string | undefined): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'base64').toString('utf8');
  const digest = (text: string) => createHash('sha256').update(text).digest('hex');
  return digest(given) === digest(`${state.accountSid}:${state.authToken}`);
}

function injectFaults(state: SinkState, query: URLSearchParams, response: ServerResponse): void {
  const status = Number(query.get('status') ?? '503');
  const count = Number(query.get('count') ?? '1');
  const valid =
    (status === 429 || (status >= 500 && status <= 599)) && Number.isInteger(count) && count >= 0;
  if (!valid) {
    sendJson(response, 400, { error: 'status must be 429 or 5xx, count a whole number' });
    return;
  }
  state.faults.status = status;
  state.faults.remaining = count;
  response.writeHead(204).end();
}

export function sendTwilioError(response: ServerResponse, error: TwilioError): void {
  const headers = error.status === 401 ? { 'www-authenticate': 'Basic realm="Twilio API"' } : {};
  response.writeHead(error.status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
  });
  response.end(JSON.stringify(error));
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(body));
}

function renderPage(store: SmsStore): string {
  const rows = store
    .list()
    .reverse()
    .slice(0, 200)
    .map(
      (message) =>
        `<tr><td>${escape(message.receivedAt)}</td><td>${escape(message.from)}</td>` +
        `<td>${escape(message.to)}</td><td>${escape(message.body)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>SMS sink</title>
<meta http-equiv="refresh" content="5"></head><body>
<h1>SMS sink</h1><p>${store.size} message(s); newest 200 shown. JSON: <a href="/messages">/messages</a></p>
<table border="1" cellpadding="4"><tr><th>received</th><th>from</th><th>to</th><th>body</th></tr>
${rows}
</table></body></html>`;
}

function escape(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
