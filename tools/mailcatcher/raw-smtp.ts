import { connect, type Socket } from 'node:net';

export interface RawMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The message as written on the wire after DATA: headers, blank line, body. */
  readonly data: string;
}

/**
 * Sends one message with a hand-written SMTP conversation (EHLO, MAIL, RCPT, DATA, QUIT),
 * so the catcher can be tested without an SMTP client library. Rejects on any non-2xx/3xx
 * reply.
 */
export async function sendRawMail(host: string, port: number, mail: RawMail): Promise<void> {
  const socket = connect(port, host);
  const replies = replyReader(socket);
  try {
    await expectReply(replies, 220);
    await command(socket, replies, 'EHLO test.local', 250);
    await command(socket, replies, `MAIL FROM:<${mail.from}>`, 250);
    for (const recipient of mail.to) await command(socket, replies, `RCPT TO:<${recipient}>`, 250);
    await command(socket, replies, 'DATA', 354);
    // Dot-stuffing: a line starting with "." gets another one.
    const body = mail.data
      .replaceAll('\r\n', '\n')
      .split('\n')
      .map((line) => (line.startsWith('.') ? `.${line}` : line));
    await command(socket, replies, `${body.join('\r\n')}\r\n.`, 250);
    await command(socket, replies, 'QUIT', 221);
  } finally {
    socket.end();
  }
}

type ReplyReader = () => Promise<string>;

/** Yields complete SMTP replies (the last line of a multi-line reply has a space after the code). */
function replyReader(socket: Socket): ReplyReader {
  let buffer = '';
  const waiting: { resolve: (reply: string) => void; reject: (error: Error) => void }[] = [];
  const complete: string[] = [];
  const flush = (): void => {
    for (;;) {
      const match = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(buffer);
      if (!match) return;
      const end = match.index + match[0].length;
      complete.push(buffer.slice(0, end).replace(/^\r\n/, ''));
      buffer = buffer.slice(end);
      while (complete.length > 0 && waiting.length > 0) {
        waiting.shift()?.resolve(complete.shift() ?? '');
      }
    }
  };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    flush();
  });
  socket.on('error', (error) => {
    for (const waiter of waiting.splice(0)) waiter.reject(error);
  });
  return () => {
    const ready = complete.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
}

async function expectReply(next: ReplyReader, code: number): Promise<void> {
  const reply = await next();
  const lastLine = reply.trimEnd().split('\r\n').at(-1) ?? '';
  if (!lastLine.startsWith(String(code))) {
    throw new Error(`expected ${code}, got: ${reply.trim()}`);
  }
}

async function command(
  socket: Socket,
  next: ReplyReader,
  line: string,
  code: number,
): Promise<void> {
  socket.write(`${line}\r\n`);
  await expectReply(next, code);
}
