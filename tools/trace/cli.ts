import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isProfileName, PROFILE_NAMES, resolveProfile, zipkinUrl } from '../stack/profile';
import { formatTrace, tracesOfOrder } from './zipkin-trace';

const USAGE = `usage: pnpm trace <order-id> [--profile ${PROFILE_NAMES.join('|')}] [--screenshot <file.png>]

Prints the trace of an order from the stack's Zipkin: every span of every service, children
under their parent. --screenshot also saves Zipkin's page of that trace as a PNG, taken with
headless Chromium (CHROMIUM, default /usr/bin/chromium: Debian's package \`chromium\`).`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      profile: { type: 'string', default: 'dev' },
      screenshot: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  });
  const [orderId] = positionals;
  const profileName = values.profile ?? 'dev';
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!orderId || !isProfileName(profileName)) throw new Error(USAGE);
  const zipkin = zipkinUrl(resolveProfile(profileName, process.env));
  const traces = await tracesOfOrder(zipkin, orderId);
  if (traces.length === 0)
    throw new Error(`Zipkin at ${zipkin} holds no trace of order ${orderId}`);
  for (const spans of traces) {
    const traceId = spans[0]?.traceId ?? '';
    console.log(`trace ${traceId}: ${spans.length} spans, ${zipkin}/zipkin/traces/${traceId}`);
    console.log(formatTrace(spans).join('\n'));
    if (values.screenshot) screenshot(`${zipkin}/zipkin/traces/${traceId}`, values.screenshot);
  }
}

/** Zipkin's page is a React app: Chromium renders it for a few seconds of virtual time first. */
function screenshot(url: string, file: string): void {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'kc-chromium-'));
  try {
    execFileSync(
      process.env.CHROMIUM ?? '/usr/bin/chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        // This machine's network is closed: no background connections, no update checks.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${profile}`,
        '--window-size=1400,1100',
        '--virtual-time-budget=8000',
        `--screenshot=${path.resolve(file)}`,
        url,
      ],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
    console.log(`screenshot: ${file}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
