import { randomUUID } from 'node:crypto';
import { EVENT_HEADERS, TOPICS } from '@kafka-commerce/events';
import { type OutgoingMessage, produce, readTopics, type RecordedMessage } from '../broker';
import { type Scenario } from '../scenario';
import { faultLoad, PLENTY } from './plans';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The saga's topics and the users topic: the facts whose copies could change an outcome. */
const DUPLICATED = [
  TOPICS.users.name,
  TOPICS.orders.name,
  TOPICS.reservations.name,
  TOPICS.payments.name,
];

function headersOf(record: RecordedMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record.message.headers ?? {}).map(([name, value]) => [
      name,
      value?.toString() ?? '',
    ]),
  );
}

/** The same message again, event ID and all: what a producer retry or a replay delivers. */
function sameCopy(record: RecordedMessage): OutgoingMessage {
  return {
    key: record.message.key?.toString() ?? null,
    value: record.message.value?.toString() ?? null,
    partition: record.partition,
    headers: headersOf(record),
  };
}

/** The same business fact under a fresh event ID: gets past every inbox (design.md §8.6). */
function freshCopy(record: RecordedMessage): OutgoingMessage {
  const eventId = randomUUID();
  const envelope = JSON.parse(record.message.value?.toString() ?? '{}') as Record<string, unknown>;
  return {
    ...sameCopy(record),
    value: JSON.stringify({ ...envelope, eventId }),
    headers: { ...headersOf(record), [EVENT_HEADERS.eventId]: eventId },
  };
}

export const duplicateEvents: Scenario = {
  name: 'duplicate-events',
  title: 'every saga event of orders in flight published twice more: same event ID, fresh event ID',
  quick: true,
  async run({ stack, fixture, load, quick, note }) {
    const customers = await fixture(PLENTY);
    const userIds = customers.customers.map((customer) => customer.userId);
    await load(customers, faultLoad(quick), async (placedSoFar) => {
      const ours = new Set([...placedSoFar.map((order) => order.id), ...userIds]);
      const records = (await readTopics(stack, DUPLICATED)).filter((record) =>
        (record.message.value?.toString().match(UUID) ?? []).some((id) => ours.has(id)),
      );
      for (const topic of DUPLICATED) {
        const copies = records
          .filter((record) => record.topic === topic)
          .flatMap((record) => [sameCopy(record), freshCopy(record)]);
        await produce(stack, topic, copies);
      }
      const copies = records.length * 2;
      note(
        `published ${copies} copies of the events of ${placedSoFar.length} orders and ${userIds.length} users`,
      );
    });
  },
};
