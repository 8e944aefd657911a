import { Registry } from 'prom-client';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { type RawSqlClient } from '../raw-sql-client';
import { Inbox } from './inbox';

/** A processed_events table in memory: the claim statement returns the ids it inserted. */
function processedEvents(handledBefore: readonly string[]): RawSqlClient<unknown> {
  const handled = new Set(handledBefore);
  return {
    $executeRawUnsafe: () => Promise.resolve(0),
    $queryRawUnsafe: <T>(_sql: string, _consumer: unknown, ids: unknown) => {
      const inserted = (JSON.parse(ids as string) as string[]).filter((id) => {
        if (handled.has(id)) return false;
        handled.add(id);
        return true;
      });
      return Promise.resolve(inserted.map((eventId) => ({ eventId })) as T);
    },
  };
}

describe('Inbox.claimNew', () => {
  const inbox = new Inbox(new MessagingMetrics(new Registry()));

  it('keeps the events not handled before, in order, and a repeated id once', async () => {
    const consumed = [
      { eventId: 'a', n: 1 },
      { eventId: 'b', n: 2 },
      { eventId: 'c', n: 3 },
      { eventId: 'c', n: 4 },
    ];
    expect(await inbox.claimNew(processedEvents(['b']), 'svc.topic', consumed)).toEqual([
      { eventId: 'a', n: 1 },
      { eventId: 'c', n: 3 },
    ]);
  });

  it('claims nothing for an empty batch', async () => {
    expect(await inbox.claimNew(processedEvents([]), 'svc.topic', [])).toEqual([]);
  });
});
