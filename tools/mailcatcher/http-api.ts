import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type MessageStore } from './message-store';

/**
 * The catcher's HTTP API:
 *   GET    /api/messages[?to=<address>]  → [{id, from, to[], subject, text, receivedAt}]
 *   DELETE /api/messages                 → 204, forgets every message
 *   GET    /api/health                   → {status: "ok", messages}
 *   GET    /                             → a plain HTML list, for people
 */
export function handleRequest(
  store: MessageStore,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const url = new URL(request.url ?? '/', 'http://mailcatcher');
  const route = `${request.method ?? 'GET'} ${url.pathname}`;
  switch (route) {
    case 'GET /api/messages':
      sendJson(response, 200, store.list({ to: url.searchParams.get('to') ?? undefined }));
      return;
    case 'DELETE /api/messages':
      store.clear();
      response.writeHead(204).end();
      return;
    case 'GET /api/health':
      sendJson(response, 200, { status: 'ok', messages: store.size });
      return;
    case 'GET /':
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(renderPage(store));
      return;
    default:
      sendJson(response, 404, { error: `no route ${route}` });
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify(body));
}

function renderPage(store: MessageStore): string {
  const rows = store
    .list()
    .reverse()
    .slice(0, 200)
    .map(
      (message) =>
        `<tr><td>${escape(message.receivedAt)}</td><td>${escape(message.from)}</td>` +
        `<td>${escape(message.to.join(', '))}</td><td><details><summary>${escape(message.subject)}</summary>` +
        `<pre>${escape(message.text)}</pre></details></td></tr>`,
    )
    .join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>mail catcher</title>
<meta http-equiv="refresh" content="5"></head><body>
<h1>mail catcher</h1><p>${store.size} message(s); newest 200 shown. JSON: <a href="/api/messages">/api/messages</a></p>
<table border="1" cellpadding="4"><tr><th>received</th><th>from</th><th>to</th><th>subject</th></tr>
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
