import { EVENT_CATALOG } from './catalog';
import { type EventDefinition } from './define-event';
import { SERVICE_NAMES } from './services';
import { TOPICS, type TopicSpec } from './topics';
import { UPCASTERS } from './upcasters';

const topics: readonly TopicSpec[] = Object.values(TOPICS);

describe('event catalog', () => {
  it.each(
    EVENT_CATALOG.map((entry) => [`${entry.definition.type} v${entry.definition.version}`, entry]),
  )('%s: the fixture satisfies its schema', (_name, { definition, fixture }) => {
    expect(definition.schema.safeParse(fixture).success).toBe(true);
  });

  it('declares each type/version once, on a declared topic', () => {
    const ids = EVENT_CATALOG.map(({ definition }) => `${definition.type}@${definition.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    const topicNames: string[] = topics.map((topic) => topic.name);
    for (const { definition } of EVENT_CATALOG) expect(topicNames).toContain(definition.topic);
  });

  it('names event types <aggregate>.<past-tense-event>', () => {
    for (const { definition } of EVENT_CATALOG) {
      expect(definition.type).toMatch(/^[a-z]+\.[a-z-]+$/);
    }
  });

  it.each(EVENT_CATALOG.map((entry) => [entry.definition.type, entry]))(
    "%s: keys the message by its topic's aggregate id",
    (_name, entry) => {
      const definition: EventDefinition = entry.definition;
      const fixture: Record<string, unknown> = entry.fixture;
      const topic = topics.find((candidate) => candidate.name === definition.topic);
      expect(definition.key(fixture)).toBe(fixture[topic!.key]);
    },
  );

  it('keeps every version of a type on one topic, so their order is kept', () => {
    const topicOfType = new Map<string, string>();
    for (const { definition } of EVENT_CATALOG) {
      const topic = topicOfType.get(definition.type) ?? definition.topic;
      expect(definition.topic).toBe(topic);
      topicOfType.set(definition.type, topic);
    }
  });
});

describe('topics', () => {
  it.each(topics.map((topic) => [topic.name, topic]))(
    '%s: has events, a known producer and known consumers',
    (name, topic) => {
      expect(EVENT_CATALOG.some(({ definition }) => definition.topic === name)).toBe(true);
      expect(SERVICE_NAMES).toContain(topic.producer);
      expect(topic.consumers.length).toBeGreaterThan(0);
      for (const consumer of topic.consumers) expect(SERVICE_NAMES).toContain(consumer);
      expect(new Set(topic.consumers).size).toBe(topic.consumers.length);
      expect(Number.isInteger(topic.partitions) && topic.partitions > 0).toBe(true);
    },
  );

  it('names each topic once', () => {
    const names = topics.map((topic) => topic.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('upcaster registry', () => {
  const published = new Set(
    EVENT_CATALOG.map(({ definition }) => `${definition.type}@${definition.version}`),
  );

  it('only links published versions, at most one upcaster per version', () => {
    const sources = UPCASTERS.map(({ from }) => `${from.type}@${from.version}`);
    expect(new Set(sources).size).toBe(sources.length);
    for (const { from, to } of UPCASTERS) {
      expect(published).toContain(`${from.type}@${from.version}`);
      expect(published).toContain(`${to.type}@${to.version}`);
    }
  });

  it('can bring every older version up to its successor', () => {
    for (const { definition } of EVENT_CATALOG.filter((entry) => entry.definition.version > 1)) {
      const upcaster = UPCASTERS.find(
        ({ to }) => to.type === definition.type && to.version === definition.version,
      );
      expect(upcaster).toBeDefined();
    }
  });
});
