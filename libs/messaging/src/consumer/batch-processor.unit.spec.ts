import { randomUUID } from 'node:crypto';
import {
  createEvent,
  type EventEnvelope,
  userRegisteredV1,
  userRegisteredV1Fixture,
} from '@kafka-commerce/events';
import { type DeadLetter } from '../dead-letter';
import { type BatchTarget, type FetchedMessage, processBatch } from './batch-processor';
import { type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = { maxAttempts: 3, maxRetryMs: 10_000, baseDelayMs: 1, maxDelayMs: 2 };

let offset = 0;
function message(key: string, body: string | EventEnvelope): FetchedMessage {
  return {
    topic: 'users',
    partition: 0,
    offset: String(offset++),
    key: Buffer.from(key),
    value: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    headers: {},
  };
}

function event(username: string): EventEnvelope {
  return createEvent(
    userRegisteredV1,
    { ...userRegisteredV1Fixture, userId: randomUUID(), username },
    {
      producer: 'test',
      correlationId: 'c',
    },
  ).envelope;
}

/** An in-memory target: records what was applied and dead-lettered, fails as told. */
function fakeTarget(
  options: { batch?: boolean; failures?: Map<string, number>; batchFails?: boolean } = {},
) {
  const applied: string[] = [];
  const deadLetters: DeadLetter[] = [];
  const batches: string[][] = [];
  const retries: number[] = [];
  const ignored: string[] = [];
  const heartbeats = { count: 0 };
  const nameOf = (envelope: EventEnvelope) => (envelope.payload as { username: string }).username;
  const target: BatchTarget = {
    consumer: 'test.users',
    accepts: [userRegisteredV1],
    ignores: new Set(['user.renamed']),
    ignore: (_message, type) => ignored.push(type),
    handleOne: (envelope) => {
      const left = options.failures?.get(nameOf(envelope)) ?? 0;
      if (left > 0) {
        options.failures?.set(nameOf(envelope), left - 1);
        return Promise.reject(new Error(`${nameOf(envelope)} failed`));
      }
      applied.push(nameOf(envelope));
      return Promise.resolve();
    },
    ...(options.batch
      ? {
          handleBatch: (envelopes: readonly EventEnvelope[]) => {
            if (options.batchFails) return Promise.reject(new Error('batch failed'));
            batches.push(envelopes.map(nameOf));
            return Promise.resolve();
          },
        }
      : {}),
    deadLetter: (letter) => {
      deadLetters.push(letter);
      return Promise.resolve();
    },
    onRetry: (_message, attempt) => retries.push(attempt),
    heartbeat: () => {
      heartbeats.count++;
      return Promise.resolve();
    },
  };
  return { target, applied, deadLetters, batches, retries, ignored, heartbeats };
}

describe('processBatch', () => {
  it('dead-letters what cannot be parsed, with the reason, and handles the rest', async () => {
    const { target, applied, deadLetters } = fakeTarget();
    await processBatch([message('a', '{oops'), message('a', event('valid'))], target, policy);
    expect(applied).toEqual(['valid']);
    expect(deadLetters.map((letter) => [letter.reason, letter.attempts, letter.consumer])).toEqual([
      ['invalid_json', 0, 'test.users'],
    ]);
  });

  it('acknowledges a type the topic carries but the consumer does not handle', async () => {
    const { target, applied, deadLetters, ignored } = fakeTarget();
    const renamed = { ...event('renamed'), type: 'user.renamed' };
    const unheardOf = { ...event('unheard-of'), type: 'user.teleported' };
    await processBatch(
      [message('a', renamed), message('a', unheardOf), message('a', event('after'))],
      target,
      policy,
    );
    expect(ignored).toEqual(['user.renamed']);
    expect(deadLetters.map((letter) => letter.reason)).toEqual(['unknown_type']);
    expect(applied).toEqual(['after']);
  });

  it('keeps the group membership alive through a long batch: a heartbeat after each event', async () => {
    const { target, applied, heartbeats } = fakeTarget();
    const events = ['a1', 'a2', 'b1'].map((name) => message(name.slice(0, 1), event(name)));
    await processBatch(events, target, policy);
    expect(applied).toHaveLength(3);
    expect(heartbeats.count).toBe(3);
  });

  it('gives a batch handler every valid event in one call', async () => {
    const { target, applied, batches } = fakeTarget({ batch: true });
    await processBatch([message('a', event('one')), message('b', event('two'))], target, policy);
    expect(batches).toEqual([['one', 'two']]);
    expect(applied).toEqual([]);
  });

  it('falls back to one at a time when the batch fails', async () => {
    const { target, applied, batches } = fakeTarget({ batch: true, batchFails: true });
    await processBatch([message('a', event('one')), message('a', event('two'))], target, policy);
    expect(batches).toEqual([]);
    expect(applied).toEqual(['one', 'two']);
  });

  it('retries a failing event while its key waits and other keys go on', async () => {
    const { target, applied, retries, deadLetters } = fakeTarget({
      failures: new Map([['a1', 2]]),
    });
    await processBatch(
      [message('a', event('a1')), message('a', event('a2')), message('b', event('b1'))],
      target,
      policy,
    );
    expect(applied.indexOf('a1')).toBeLessThan(applied.indexOf('a2'));
    expect(applied.indexOf('b1')).toBeLessThan(applied.indexOf('a1'));
    expect(retries).toEqual([1, 2]);
    expect(deadLetters).toEqual([]);
  });

  it('dead-letters an event after the last attempt and moves on to the next of its key', async () => {
    const { target, applied, deadLetters } = fakeTarget({ failures: new Map([['bad', 99]]) });
    await processBatch([message('a', event('bad')), message('a', event('after'))], target, policy);
    expect(applied).toEqual(['after']);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({
      reason: 'handler_failed',
      attempts: policy.maxAttempts,
    });
    expect(deadLetters[0]?.error).toContain('bad failed');
  });

  it('handles at most keyConcurrency keys at once, each key in order', async () => {
    const { target } = fakeTarget();
    const started: string[] = [];
    const inFlight = { now: 0, most: 0 };
    const slowTarget: BatchTarget = {
      ...target,
      handleOne: async (envelope) => {
        started.push((envelope.payload as { username: string }).username);
        inFlight.most = Math.max(inFlight.most, ++inFlight.now);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight.now--;
      },
    };
    const names = ['a1', 'b1', 'c1', 'a2', 'd1', 'b2'];
    const messages = names.map((name) => message(name.slice(0, 1), event(name)));
    await processBatch(messages, slowTarget, policy, 2);
    expect(inFlight.most).toBe(2);
    expect(started).toHaveLength(names.length);
    expect(started.indexOf('a1')).toBeLessThan(started.indexOf('a2'));
    expect(started.indexOf('b1')).toBeLessThan(started.indexOf('b2'));
  });
});
