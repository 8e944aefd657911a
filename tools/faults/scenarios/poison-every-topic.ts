import { randomUUID } from 'node:crypto';
import { TOPICS } from '@kafka-commerce/events';
import { waitFor } from '@kafka-commerce/testing';
import { deadLetterCounts, type OutgoingMessage, produce } from '../broker';
import { type Scenario } from '../scenario';
import { faultLoad, PLENTY } from './plans';

/** Messages no consumer can parse or validate: each must be dead-lettered, never block. */
function poison(topic: string): OutgoingMessage[] {
  const key = randomUUID();
  return [
    { key, value: '{"eventId": "not json' },
    { key, value: '\u0000\ud800 binary-ish garbage' },
    {
      key,
      value: JSON.stringify({ eventId: randomUUID(), type: 'nonsense.happened', version: 1 }),
    },
    {
      key,
      value: JSON.stringify({
        eventId: 'not-a-uuid',
        type: `${topic.replace(/s$/, '')}.created`,
        version: 1,
        occurredAt: 'yesterday',
        producer: 'faults',
        correlationId: key,
        causationId: null,
        payload: { orderId: 42 },
      }),
    },
  ];
}

/** Messages that no consumer can even tell the type of: every group must dead-letter them. */
const UNREADABLE_PER_TOPIC = 2;

export const poisonEveryTopic: Scenario = {
  name: 'poison-every-topic',
  title: 'unparseable and invalid messages on every topic mid-load (dead-lettered, never blocking)',
  quick: true,
  async run({ stack, fixture, load, quick, violation, atQuiescence }) {
    const before = await deadLetterCounts(stack);
    await load(await fixture(PLENTY), faultLoad(quick), async () => {
      for (const topic of Object.values(TOPICS))
        await produce(stack, topic.name, poison(topic.name));
    });
    atQuiescence(async () => {
      for (const topic of Object.values(TOPICS)) {
        const expected = UNREADABLE_PER_TOPIC * topic.consumers.length;
        await waitFor(
          async () => {
            const grown =
              ((await deadLetterCounts(stack)).get(topic.name) ?? 0) -
              (before.get(topic.name) ?? 0);
            return grown >= expected ? true : undefined;
          },
          { timeoutMs: 30_000, description: `${topic.name}.dlq to grow by ${expected}` },
        ).catch(() => {
          violation(
            'poison-dead-lettered',
            `${topic.name}: fewer than ${expected} dead letters for its unreadable messages`,
          );
        });
      }
    });
  },
};
