import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEvent, userRegisteredV1 } from '@kafka-commerce/events';
import { waitFor } from '@kafka-commerce/testing';
import { produce } from './support/kafka';
import { queryDatabase } from './support/stack';

const EVENTS = 10_000;
// Its own limit covers the restart and then the wait for the whole stream (60 s, below).
const TEST_TIMEOUT_MS = 150_000;
const REPO_ROOT = path.resolve(__dirname, '../../..');

async function countApplied(batch: string): Promise<{ contacts: number; inbox: number }> {
  const [row] = await queryDatabase<{ contacts: number; inbox: number }>(
    'notification',
    `SELECT (SELECT count(*)::int FROM contacts WHERE username = $1) AS contacts,
            (SELECT count(*)::int FROM processed_events p JOIN contacts c ON c.source_event_id = p.event_id
              WHERE c.username = $1) AS inbox`,
    [batch],
  );
  return row ?? { contacts: 0, inbox: 0 };
}

describe('notification-service stopped with SIGTERM in the middle of a stream', () => {
  it(
    'loses nothing and applies nothing twice after it restarts',
    async () => {
      const batch = `sigterm-${randomUUID().slice(0, 8)}`;
      const events = Array.from({ length: EVENTS }, () =>
        createEvent(
          userRegisteredV1,
          {
            userId: randomUUID(),
            email: `${randomUUID().slice(0, 12)}@example.com`,
            username: batch,
            source: 'api',
            registeredAt: new Date().toISOString(),
          },
          { producer: 'stack-e2e', correlationId: batch },
        ),
      );
      const messages = events.map((event) => ({
        key: event.key,
        value: JSON.stringify(event.envelope),
      }));
      await produce('users', messages);

      // Stop it as soon as it has applied something, i.e. while it works through the stream.
      await waitFor(async () => ((await countApplied(batch)).contacts > 0 ? true : undefined), {
        intervalMs: 20,
        description: 'the first contacts of the stream',
      });
      const stateDir = process.env.E2E_STATE_DIR ?? '';
      const pid = Number(
        readFileSync(path.join(stateDir, 'pids', 'notification-service.pid'), 'utf8'),
      );
      process.kill(pid, 'SIGTERM');
      const atStop = await countApplied(batch);
      execFileSync(
        'pnpm',
        [
          'exec',
          'tsx',
          'tools/stack/cli.ts',
          'restart',
          'notification-service',
          process.env.E2E_PROFILE ?? 'test',
        ],
        {
          cwd: REPO_ROOT,
          stdio: 'pipe',
        },
      );

      const final = await waitFor(
        async () => {
          const counts = await countApplied(batch);
          return counts.contacts >= EVENTS ? counts : undefined;
        },
        { timeoutMs: 60_000, description: `all ${EVENTS} contacts` },
      );
      expect(atStop.contacts).toBeLessThan(EVENTS); // it really was interrupted mid-stream
      expect(final).toEqual({ contacts: EVENTS, inbox: EVENTS });
    },
    TEST_TIMEOUT_MS,
  );
});
