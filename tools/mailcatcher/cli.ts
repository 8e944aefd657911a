import { parseArgs } from 'node:util';
import { startMailCatcher } from './server';

const USAGE = `usage: tsx tools/mailcatcher/cli.ts [--smtp-port 1025] [--http-port 8025] [--host 127.0.0.1]
(or MAILCATCHER_SMTP_PORT, MAILCATCHER_HTTP_PORT, MAILCATCHER_HOST)`;

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new Error(`${name} must be a port number, got "${value}"\n${USAGE}`);
  }
  return parsed;
}

/** Runs the development mail catcher until SIGTERM / SIGINT. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'smtp-port': { type: 'string' },
      'http-port': { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = process.env;
  const catcher = await startMailCatcher({
    smtpPort: port(values['smtp-port'] ?? env.MAILCATCHER_SMTP_PORT, 1025, 'smtp port'),
    httpPort: port(values['http-port'] ?? env.MAILCATCHER_HTTP_PORT, 8025, 'http port'),
    host: values.host ?? env.MAILCATCHER_HOST ?? '127.0.0.1',
  });
  console.log(
    `mail catcher: SMTP on ${catcher.host}:${catcher.smtpPort}, ` +
      `web/API on http://${catcher.host}:${catcher.httpPort}/`,
  );
  const stop = (signal: string): void => {
    console.log(`mail catcher: ${signal}, stopping`);
    catcher.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.once('SIGINT', () => {
    stop('SIGINT');
  });
}

main().catch((error: unknown) => {
  console.error(`mail catcher failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
