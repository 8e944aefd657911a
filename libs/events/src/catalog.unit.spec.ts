import { EVENT_CATALOG } from './catalog';
import { TOPICS } from './topics';

describe('event catalog', () => {
  it.each(
    EVENT_CATALOG.map((entry) => [`${entry.definition.type} v${entry.definition.version}`, entry]),
  )('%s: the fixture satisfies its schema', (_name, { definition, fixture }) => {
    expect(definition.schema.safeParse(fixture).success).toBe(true);
  });

  it('declares each type/version once, on a declared topic', () => {
    const ids = EVENT_CATALOG.map(({ definition }) => `${definition.type}@${definition.version}`);
    expect(new Set(ids).size).toBe(ids.length);
    const topicNames: string[] = Object.values(TOPICS).map((topic) => topic.name);
    for (const { definition } of EVENT_CATALOG) expect(topicNames).toContain(definition.topic);
  });

  it('names event types <aggregate>.<past-tense-event>', () => {
    for (const { definition } of EVENT_CATALOG) {
      expect(definition.type).toMatch(/^[a-z]+\.[a-z-]+$/);
    }
  });
});
