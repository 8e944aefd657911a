import { randomUUID } from 'node:crypto';
import { DEAD_LETTER_HEADERS, deadLetterTopicOf, EVENT_HEADERS } from '@kafka-commerce/events';
import { createTopicsWithLeaders } from '@kafka-commerce/messaging';
import { waitFor } from '@kafka-commerce/testing';
import {
  type Admin,
  type IHeaders,
  Kafka,
  type KafkaMessage,
  logLevel,
  Partitioners,
  type Producer,
} from 'kafkajs';
import { headerText, REDRIVE_HEADERS } from './dead-letter-message';
import { redrive, type RedriveItem, redriveGroupOf, type RedriveOptions } from './redrive';

// The run's broker (tools/testing/backends-global-setup.ts).
const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);

jest.setTimeout(60_000);

let kafka: Kafka;
let admin: Admin | undefined;
let producer: Producer | undefined;

beforeAll(async () => {
  if (brokers.length === 0)
    throw new Error('KAFKA_BROKERS is not set: run through jest.int.config.js');
  kafka = new Kafka({ clientId: 'redrive-int-spec', brokers, logLevel: logLevel.NOTHING });
  admin = kafka.admin();
  await admin.connect();
  producer = kafka.producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
}, 180_000);

afterAll(async () => {
  await producer?.disconnect();
  await admin?.disconnect();
}, 60_000);

describe('redrive (real Kafka)', () => {
  it('republishes every dead letter as it was before it failed, then nothing twice', async () => {
    const topic = await createTopics();
    const otherTopic = await createTopics();
    const written = await writeDeadLetters(topic, [
      { key: 'u-1', type: 'user.registered', reason: 'handler_failed', dlqPartition: 0 },
      { key: 'u-2', type: 'user.registered', reason: 'invalid_payload', dlqPartition: 1 },
      { key: 'u-1', type: 'user.deleted', reason: 'handler_failed', dlqPartition: 1 },
      // Written by hand, say: no source topic, so it goes back to the topic given.
      { key: 'u-3', type: 'user.registered', sourceTopic: null, dlqPartition: 0 },
      // Parked on this DLQ by a consumer of another topic: it goes back there.
      { key: 'u-4', type: 'user.registered', sourceTopic: otherTopic, dlqPartition: 1 },
    ]);

    const report = await redrive(options(topic));

    expect(report).toMatchObject({
      dlqTopic: deadLetterTopicOf(topic),
      groupId: redriveGroupOf(topic),
      committed: true,
      dryRun: false,
      read: 5,
      matched: 5,
      republished: 5,
      skipped: 0,
      stoppedBy: 'end',
      byReason: {
        handler_failed: { matched: 2, skipped: 0 },
        invalid_payload: { matched: 1, skipped: 0 },
        '(none)': { matched: 2, skipped: 0 },
      },
      byTarget: { [topic]: 4, [otherTopic]: 1 },
    });
    const redriven = [...(await readAll(topic)), ...(await readAll(otherTopic))];
    expect(redriven).toHaveLength(5);
    for (const letter of written) {
      const message = redriven.find(
        (candidate) => headerText(candidate.headers, EVENT_HEADERS.eventId) === letter.eventId,
      );
      expect(message?.key?.toString()).toBe(letter.key);
      expect(message?.value?.toString()).toBe(letter.value);
      expect(headersOf(message)).toEqual({
        ...letter.originalHeaders,
        [REDRIVE_HEADERS.from]: `${deadLetterTopicOf(topic)}@${letter.partition}:${letter.offset}`,
        [REDRIVE_HEADERS.at]: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
      });
    }
    expect(redriven.filter((message) => message.topic === otherTopic)).toEqual([
      expect.objectContaining({ key: Buffer.from('u-4') }),
    ]);

    const again = await redrive(options(topic));
    expect(again).toMatchObject({ read: 0, republished: 0, stoppedBy: 'end' });
    expect(await countOn(topic)).toBe(4);
  });

  it('with a filter republishes only matches, commits nothing and leaves no group behind', async () => {
    const topic = await createTopics();
    await writeDeadLetters(topic, [
      { key: 'k-1', type: 'user.registered', dlqPartition: 0 },
      { key: 'k-2', type: 'user.deleted', dlqPartition: 1 },
      { key: 'k-1', type: 'user.deleted', dlqPartition: 1 },
      { key: 'k-3', type: 'user.registered', dlqPartition: 0 },
    ]);

    const byType = await redrive({ ...options(topic), type: 'user.registered' });
    expect(byType).toMatchObject({ read: 4, matched: 2, republished: 2, skipped: 2 });
    expect(byType.committed).toBe(false);
    expect(keysAndTypes(await readAll(topic))).toEqual([
      'k-1 user.registered',
      'k-3 user.registered',
    ]);

    const byKey = await redrive({ ...options(topic), key: 'k-1' });
    expect(byKey).toMatchObject({ read: 4, republished: 2, skipped: 2 });
    expect(keysAndTypes(await readAll(topic))).toEqual([
      'k-1 user.deleted',
      'k-1 user.registered',
      'k-1 user.registered',
      'k-3 user.registered',
    ]);

    const both = await redrive({ ...options(topic), key: 'k-1', type: 'user.deleted' });
    expect(both).toMatchObject({ read: 4, republished: 1, skipped: 3 });

    expect(await committedOffsets(topic)).toEqual(['-1', '-1']);
    expect(await adhocGroups(topic)).toEqual([]);
    // Skipped messages were not committed past: an unfiltered run still sees all of them.
    expect(await redrive(options(topic))).toMatchObject({ read: 4, republished: 4 });
    expect(await countOn(topic)).toBe(9);
  });

  it('in a dry run lists what it would republish, and sends and commits nothing', async () => {
    const topic = await createTopics();
    const written = await writeDeadLetters(topic, [
      { key: 'd-1', type: 'user.registered', dlqPartition: 0 },
      { key: 'd-2', type: 'user.registered', dlqPartition: 1 },
      { key: 'd-3', type: 'user.deleted', dlqPartition: 1 },
    ]);
    const listed: RedriveItem[] = [];

    const report = await redrive({
      ...options(topic),
      dryRun: true,
      onMessage: (item) => listed.push(item),
    });

    expect(report).toMatchObject({ read: 3, matched: 3, republished: 0, committed: false });
    expect(listed.map((item) => `${item.partition}:${item.offset} ${item.target}`).sort()).toEqual(
      written.map((letter) => `${letter.partition}:${letter.offset} ${topic}`).sort(),
    );
    expect(await countOn(topic)).toBe(0);
    expect(await committedOffsets(topic)).toEqual(['-1', '-1']);
    expect(await adhocGroups(topic)).toEqual([]);
    expect(await redrive(options(topic))).toMatchObject({ republished: 3 });
  });

  it('stops at --max and the next run continues where it stopped', async () => {
    const topic = await createTopics();
    const written = await writeDeadLetters(
      topic,
      [0, 1, 0, 1, 0].map((dlqPartition, n) => ({
        key: `m-${n}`,
        type: 'user.registered',
        dlqPartition,
      })),
    );

    expect(await redrive({ ...options(topic), maxMessages: 2 })).toMatchObject({
      read: 2,
      republished: 2,
      stoppedBy: 'max-messages',
    });
    expect(await countOn(topic)).toBe(2);
    expect(await redrive({ ...options(topic), maxMessages: 2 })).toMatchObject({
      republished: 2,
    });
    expect(await redrive(options(topic))).toMatchObject({ republished: 1, stoppedBy: 'end' });
    expect(await redrive(options(topic))).toMatchObject({ read: 0 });

    const eventIds = (await readAll(topic)).map((message) =>
      headerText(message.headers, EVENT_HEADERS.eventId),
    );
    expect(eventIds.sort()).toEqual(written.map((letter) => letter.eventId).sort());
  });

  it('leaves dead letters that arrive during a run for the next run', async () => {
    const topic = await createTopics();
    await writeDeadLetters(topic, [
      { key: 'a-1', type: 'user.registered', dlqPartition: 0 },
      { key: 'a-2', type: 'user.registered', dlqPartition: 0 },
    ]);
    let late: Promise<unknown> | undefined;

    const report = await redrive({
      ...options(topic),
      onMessage: () => {
        late ??= writeDeadLetters(topic, [{ key: 'late', type: 'user.registered' }]);
      },
    });
    await late;

    expect(report).toMatchObject({ read: 2, republished: 2, stoppedBy: 'end' });
    expect(await redrive(options(topic))).toMatchObject({ read: 1, republished: 1 });
    expect((await readAll(topic)).map((message) => message.key?.toString()).sort()).toEqual([
      'a-1',
      'a-2',
      'late',
    ]);
  });

  it('refuses to run while another re-drive of the topic holds its group', async () => {
    const topic = await createTopics();
    await writeDeadLetters(topic, [{ key: 'b-1', type: 'user.registered' }]);
    const other = kafka.consumer({ groupId: redriveGroupOf(topic), maxWaitTimeInMs: 100 });
    let joined = false;
    other.on(other.events.GROUP_JOIN, () => {
      joined = true;
    });
    await other.connect();
    try {
      await other.subscribe({ topics: [deadLetterTopicOf(topic)] });
      await other.run({ eachBatch: () => Promise.resolve() });
      await waitFor(() => Promise.resolve(joined || undefined), {
        timeoutMs: 20_000,
        description: 'the other re-drive to join its group',
      });
      await expect(redrive(options(topic))).rejects.toThrow(/another re-drive of .* is running/);
    } finally {
      await other.disconnect();
    }
    // A filtered run or a dry run has a group of its own, so it may run meanwhile.
    expect(await redrive({ ...options(topic), dryRun: true })).toMatchObject({ matched: 1 });
  });

  it('fails, and commits nothing, when a dead letter names a topic that does not exist', async () => {
    const topic = await createTopics();
    await writeDeadLetters(topic, [
      { key: 'g-1', type: 'user.registered' },
      { key: 'g-2', type: 'user.registered', sourceTopic: `${topic}-gone` },
    ]);

    await expect(redrive(options(topic))).rejects.toThrow(
      new RegExp(`cannot republish ${topic}\\.dlq@0:1: its topic "${topic}-gone" does not exist`),
    );
    expect(await countOn(topic)).toBe(0);
    expect(await committedOffsets(topic)).toEqual(['-1', '-1']);
  });

  it('finishes at once on an empty dead-letter topic and fails clearly on a missing one', async () => {
    const topic = await createTopics();
    expect(await redrive(options(topic))).toMatchObject({ read: 0, stoppedBy: 'end' });
    await expect(redrive(options(`missing-${randomUUID()}`))).rejects.toThrow(
      /dead-letter topic "missing-.*\.dlq" does not exist/,
    );
  });
});

interface Letter {
  readonly key: string;
  readonly type: string;
  readonly reason?: string;
  /** `null`: no dlq-source-topic header at all. */
  readonly sourceTopic?: string | null;
  readonly dlqPartition?: number;
}

interface WrittenLetter {
  readonly eventId: string;
  readonly key: string;
  readonly value: string;
  readonly originalHeaders: Record<string, string>;
  readonly partition: number;
  readonly offset: string;
}

function options(topic: string): RedriveOptions {
  return { brokers, topic, idleTimeoutMs: 20_000 };
}

/** A source topic (3 partitions) and its dead-letter topic (2), both named for this test. */
async function createTopics(): Promise<string> {
  const topic = `redrive-test-${randomUUID().slice(0, 8)}`;
  await createTopicsWithLeaders(connected(admin), [
    { topic, numPartitions: 3, replicationFactor: 1 },
    { topic: deadLetterTopicOf(topic), numPartitions: 2, replicationFactor: 1 },
  ]);
  return topic;
}

/** Parks messages on `<topic>.dlq` the way the messaging library does. */
async function writeDeadLetters(
  topic: string,
  letters: readonly Letter[],
): Promise<WrittenLetter[]> {
  const written: WrittenLetter[] = [];
  for (const letter of letters) {
    const eventId = randomUUID();
    const value = JSON.stringify({ eventId, type: letter.type, payload: { key: letter.key } });
    const originalHeaders = {
      [EVENT_HEADERS.eventId]: eventId,
      [EVENT_HEADERS.type]: letter.type,
      [EVENT_HEADERS.version]: '1',
      [EVENT_HEADERS.correlationId]: `correlation-${eventId}`,
    };
    const sourceTopic = letter.sourceTopic === undefined ? topic : letter.sourceTopic;
    const deadLetterHeaders: Record<string, string> = {
      [DEAD_LETTER_HEADERS.error]: 'something failed',
      [DEAD_LETTER_HEADERS.attempts]: '3',
      [DEAD_LETTER_HEADERS.consumer]: 'notification-service.users',
      [DEAD_LETTER_HEADERS.sourcePartition]: '0',
      [DEAD_LETTER_HEADERS.sourceOffset]: '42',
      [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
    };
    if (letter.reason !== undefined) deadLetterHeaders[DEAD_LETTER_HEADERS.reason] = letter.reason;
    if (sourceTopic !== null) deadLetterHeaders[DEAD_LETTER_HEADERS.sourceTopic] = sourceTopic;
    const [sent] = await connected(producer).send({
      topic: deadLetterTopicOf(topic),
      acks: -1,
      messages: [
        {
          key: letter.key,
          value,
          partition: letter.dlqPartition ?? 0,
          headers: { ...originalHeaders, ...deadLetterHeaders },
        },
      ],
    });
    if (sent?.baseOffset === undefined) throw new Error('the broker did not report an offset');
    written.push({
      eventId,
      key: letter.key,
      value,
      originalHeaders,
      partition: sent.partition,
      offset: sent.baseOffset,
    });
  }
  return written;
}

async function countOn(topic: string): Promise<number> {
  const offsets = await connected(admin).fetchTopicOffsets(topic);
  return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
}

/** Every message on a topic (the count is final: redrive returns after acks from the broker). */
async function readAll(topic: string): Promise<(KafkaMessage & { topic: string })[]> {
  const expected = await countOn(topic);
  if (expected === 0) return [];
  const seen: (KafkaMessage & { topic: string })[] = [];
  // A short fetch wait: disconnecting waits for the fetch under way.
  const consumer = kafka.consumer({
    groupId: `redrive-test-reader-${randomUUID()}`,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: ({ message }) => {
        seen.push({ ...message, topic });
        return Promise.resolve();
      },
    });
    await waitFor(() => Promise.resolve(seen.length >= expected || undefined), {
      timeoutMs: 20_000,
      description: `${expected} messages on ${topic}`,
    });
  } finally {
    await consumer.disconnect();
  }
  return seen;
}

async function committedOffsets(topic: string): Promise<string[]> {
  const [offsets] = await connected(admin).fetchOffsets({
    groupId: redriveGroupOf(topic),
    topics: [deadLetterTopicOf(topic)],
  });
  return (offsets?.partitions ?? []).map((partition) => partition.offset);
}

async function adhocGroups(topic: string): Promise<string[]> {
  const { groups } = await connected(admin).listGroups();
  return groups
    .map((group) => group.groupId)
    .filter((groupId) => groupId.startsWith(`${redriveGroupOf(topic)}.adhoc-`));
}

function headersOf(message: KafkaMessage | undefined): Record<string, string> {
  const headers: IHeaders = message?.headers ?? {};
  return Object.fromEntries(
    Object.keys(headers).map((name) => [name, headerText(headers, name) ?? '']),
  );
}

function keysAndTypes(messages: readonly KafkaMessage[]): string[] {
  return messages
    .map((message) => `${String(message.key)} ${headerText(message.headers, EVENT_HEADERS.type)}`)
    .sort();
}

function connected<T>(client: T | undefined): T {
  if (client === undefined) throw new Error('the Kafka clients did not start (see beforeAll)');
  return client;
}
