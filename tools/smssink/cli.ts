import { parseArgs } from 'node:util';
import { DEV_ACCOUNT_SID, DEV_AUTH_TOKEN, startSmsSink } from './server';

const USAGE = `usage: tsx tools/smssink/cli.ts [--port 8026] [--host 127.0.0.1] [--account-sid AC…] [--auth-token …]
(or SMSSINK_PORT, SMSSINK_HOST, SMSSINK_ACCOUNT_SID, SMSSINK_AUTH_TOKEN)`;

function port(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new Error(`port must be a port number, got "${value}"\n${USAGE}`);
  }
  return parsed;
}

/** Runs the development SMS sink until SIGTERM / SIGINT. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'account-sid': { type: 'string' },
      'auth-token': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = process.env;
  const sink = await startSmsSink({
    port: port(values.port ?? env.SMSSINK_PORT, 8026),
    host: values.host ?? env.SMSSINK_HOST ?? '127.0.0.1',
    accountSid: values['account-sid'] ?? env.SMSSINK_ACCOUNT_SID ?? DEV_ACCOUNT_SID,
    authToken: values['auth-token'] ?? env.SMSSINK_AUTH_TOKEN ?? DEV_AUTH_TOKEN,
  });
  console.log(
    `sms sink: Twilio API at ${sink.url}/2010-04-01/Accounts/${sink.accountSid}/Messages.json, ` +
      `messages at ${sink.url}/messages`,
  );
  const stop = (signal: string): void => {
    console.log(`sms sink: ${signal}, stopping`);
    sink.stop().then(
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
  console.error(`sms sink failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
