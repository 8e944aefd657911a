import { type IHeaders, type KafkaMessage } from 'kafkajs';
import { selectFromBatch } from './batch-selection';
import { type RedrivePlan } from './redrive-model';

function deadLetter(offset: number, type: string, sourceTopic?: string): KafkaMessage {
  const headers: IHeaders = { 'event-type': Buffer.from(type) };
  if (sourceTopic !== undefined) headers['dlq-source-topic'] = Buffer.from(sourceTopic);
  return {
    key: Buffer.from(`k-${offset}`),
    value: Buffer.from('{}'),
    headers,
    timestamp: '0',
    attributes: 0,
    offset: String(offset),
  };
}

const plan: RedrivePlan = {
  topic: 'users',
  dlqTopic: 'users.dlq',
  groupId: 'kafka-commerce.redrive.users',
  commits: true,
  filter: {},
};

const batch = {
  partition: 1,
  messages: [
    deadLetter(3, 'user.registered'),
    deadLetter(4, 'user.deleted', 'users-archive'),
    deadLetter(5, 'user.registered'),
    deadLetter(6, 'user.registered'),
  ],
};

const selectedOffsets = (selection: ReturnType<typeof selectFromBatch>) =>
  selection.handled.map((dead) => dead.selected?.item.offset);

describe('selectFromBatch', () => {
  it('takes what lies between the cursor and the end, each back to its source topic', () => {
    const selection = selectFromBatch(batch, { next: 4n, end: 6n }, plan, Infinity);

    expect(selectedOffsets(selection)).toEqual(['4', '5']);
    expect(selection.handled.map((dead) => dead.selected?.item.target)).toEqual([
      'users-archive',
      'users',
    ]);
    expect(selection).toMatchObject({ last: '5', passedEnd: true });
  });

  it('counts what the filter leaves out as handled, not selected', () => {
    const filtered = { ...plan, filter: { type: 'user.deleted' } };

    const selection = selectFromBatch(batch, { next: 0n, end: 10n }, filtered, Infinity);

    expect(selectedOffsets(selection)).toEqual([undefined, '4', undefined, undefined]);
    expect(selection).toMatchObject({ last: '6', passedEnd: false });
  });

  it('stops once there is no room left, leaving the rest for the next run', () => {
    const selection = selectFromBatch(batch, { next: 0n, end: 10n }, plan, 2);

    expect(selectedOffsets(selection)).toEqual(['3', '4']);
    expect(selection).toMatchObject({ last: '4', passedEnd: false });
  });

  it('handles nothing when the batch lies before the cursor', () => {
    expect(selectFromBatch(batch, { next: 7n, end: 10n }, plan, Infinity)).toEqual({
      handled: [],
      last: undefined,
      passedEnd: false,
    });
  });
});
