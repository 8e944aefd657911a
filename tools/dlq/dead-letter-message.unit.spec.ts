import { type IHeaders, type KafkaMessage } from 'kafkajs';
import {
  describeDeadLetter,
  matchesFilter,
  REDRIVE_HEADERS,
  toRedrivenMessage,
  UNKNOWN_REASON,
} from './dead-letter-message';

function deadLetter(headers: IHeaders, key: string | null = 'u-1'): KafkaMessage {
  return {
    key: key === null ? null : Buffer.from(key),
    value: Buffer.from('{"eventId":"e-1"}'),
    headers,
    timestamp: '0',
    attributes: 0,
    offset: '7',
  };
}

const position = { dlqTopic: 'users.dlq', partition: 1, offset: '7' };

describe('dead-letter messages', () => {
  const message = deadLetter({
    'event-type': Buffer.from('user.registered'),
    'event-id': Buffer.from('e-1'),
    'dlq-reason': Buffer.from('handler_failed'),
    'dlq-source-topic': Buffer.from('users'),
    'dlq-error': Buffer.from('boom'),
    'dlq-something-new': Buffer.from('x'),
    [REDRIVE_HEADERS.from]: Buffer.from('users.dlq@0:1'),
  });

  it('describes itself from its key and headers', () => {
    expect(describeDeadLetter(message)).toEqual({
      key: 'u-1',
      type: 'user.registered',
      reason: 'handler_failed',
      sourceTopic: 'users',
    });
    expect(describeDeadLetter(deadLetter({}, null))).toEqual({
      key: undefined,
      type: undefined,
      reason: UNKNOWN_REASON,
      sourceTopic: undefined,
    });
  });

  it('matches a filter on type and key', () => {
    const info = describeDeadLetter(message);
    expect(matchesFilter(info, {})).toBe(true);
    expect(matchesFilter(info, { type: 'user.registered' })).toBe(true);
    expect(matchesFilter(info, { type: 'user.deleted' })).toBe(false);
    expect(matchesFilter(info, { key: 'u-1', type: 'user.registered' })).toBe(true);
    expect(matchesFilter(info, { key: 'u-2' })).toBe(false);
  });

  it('is republished with its key, value and original headers, marked as re-driven', () => {
    const now = new Date('2026-01-02T03:04:05.000Z');
    const redriven = toRedrivenMessage(message, position, now);
    expect(redriven.key).toBe(message.key);
    expect(redriven.value).toBe(message.value);
    expect(redriven.headers).toEqual({
      'event-type': Buffer.from('user.registered'),
      'event-id': Buffer.from('e-1'),
      [REDRIVE_HEADERS.from]: 'users.dlq@1:7',
      [REDRIVE_HEADERS.at]: '2026-01-02T03:04:05.000Z',
    });
  });
});
