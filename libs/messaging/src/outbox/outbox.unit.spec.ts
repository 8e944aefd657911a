import { randomUUID } from 'node:crypto';
import { type OutgoingEvent } from '@kafka-commerce/events';
import { type RawSqlClient } from '../raw-sql-client';
import { Outbox, outboxInsertSql } from './outbox';

/** Records statements instead of running them: the outbox's only port is raw SQL. */
class RecordingSqlClient implements RawSqlClient {
  readonly statements: unknown[][] = [];

  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> {
    this.statements.push([query, ...values]);
    return Promise.resolve(1);
  }

  $queryRawUnsafe<T>(): Promise<T> {
    return Promise.reject(new Error('the outbox only executes statements'));
  }
}

function reading(sensorId: string, unit = 'C'): OutgoingEvent {
  return {
    topic: 'sensor.readings',
    key: sensorId,
    envelope: {
      eventId: randomUUID(),
      type: 'sensor.temperature-recorded',
      version: 1,
      occurredAt: '2026-11-26T10:00:00.000Z',
      producer: 'analytics-service',
      correlationId: randomUUID(),
      causationId: null,
      payload: { sensorId, temperature: 21.5, unit },
    },
  };
}

describe('Outbox.append', () => {
  it('writes every event in one statement, non-ASCII text included', async () => {
    const client = new RecordingSqlClient();
    const events = [reading('greenhouse-☕'), reading('greenhouse-🍵')];
    await new Outbox().append(client, events);
    expect(client.statements).toHaveLength(1);
    const rows = JSON.parse(client.statements[0]?.[1] as string) as { key: string }[];
    expect(rows.map((row) => row.key)).toEqual(['greenhouse-☕', 'greenhouse-🍵']);
  });

  it.each([
    ['a NUL', 'a\u0000b', 'NUL character'],
    ['an unpaired surrogate', 'a\ud800b', 'unpaired UTF-16 surrogate'],
  ])(
    'refuses, before any SQL, an event holding %s, naming its type and fields',
    (_c, text, what) => {
      const client = new RecordingSqlClient();
      const events = [reading('fine'), reading(text)];
      expect(() => new Outbox().append(client, events)).toThrow(
        new RegExp(
          `^outbox: refusing event sensor\\.temperature-recorded v1 \\(${events[1]?.envelope.eventId}\\): ` +
            `key must not contain .*${what}.*; payload\\.sensorId must not contain .*${what}`,
        ),
      );
      expect(client.statements).toEqual([]);
    },
  );

  it('names a field of the envelope that is not the key', () => {
    expect(() => new Outbox().append(new RecordingSqlClient(), [reading('s-1', '\u0000')])).toThrow(
      /: payload\.unit must not contain the NUL character/,
    );
  });
});

describe('outboxInsertSql', () => {
  it('reads the rows from the placeholder it is given, in array order', () => {
    const sql = outboxInsertSql('$7');
    expect(sql).toContain('jsonb_array_elements($7::jsonb) WITH ORDINALITY');
    expect(sql).toContain('ORDER BY position');
  });
});
