import { readFileSync } from 'node:fs';
import {
  currentTopicsDiagram,
  README_FILE,
  renderTopicsDiagram,
  showsTopicsDiagram,
  withTopicsDiagram,
} from '../scripts/architecture-diagram';
import { type EventDefinition } from './define-event';
import { type TopicSpec } from './topics';

const topics: TopicSpec[] = [
  {
    name: 'sensor.alert',
    partitions: 3,
    key: 'sensorId',
    producer: 'analytics-service',
    consumers: ['notification-service', 'order-service'],
  },
];
// Two versions of one type, and an event of another topic.
const events: Pick<EventDefinition, 'type' | 'topic'>[] = [
  { type: 'sensor.alert-raised', topic: 'sensor.alert' },
  { type: 'sensor.alert-raised', topic: 'sensor.alert' },
  { type: 'user.registered', topic: 'users' },
];

describe('the README topics diagram', () => {
  it('draws producer → topic (with its event types, once each) → every consumer', () => {
    const diagram = renderTopicsDiagram(topics, events, ['analytics-service']);

    expect(diagram.split('\n').slice(0, 8)).toEqual([
      '```mermaid',
      'flowchart LR',
      '  service_analytics_service(["analytics-service"])',
      '  topic_sensor_alert[("sensor.alert")]',
      '  service_analytics_service -->|sensor.alert-raised| topic_sensor_alert',
      '  topic_sensor_alert --> service_notification_service',
      '  topic_sensor_alert --> service_order_service',
      '```',
    ]);
  });

  it('replaces only what lies between the markers', () => {
    const readme = 'intro\n<!-- topics-diagram:start -->\nold\n<!-- topics-diagram:end -->\nrest\n';

    const updated = withTopicsDiagram(readme, 'new\nlines');

    expect(updated).toBe(
      'intro\n<!-- topics-diagram:start -->\n\nnew\nlines\n<!-- topics-diagram:end -->\nrest\n',
    );
    expect(showsTopicsDiagram(updated, 'new\nlines')).toBe(true);
    expect(showsTopicsDiagram(updated, 'new')).toBe(false);
  });

  it('is what README.md shows', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    const problems = showsTopicsDiagram(readme, currentTopicsDiagram())
      ? []
      : ['README.md’s topics diagram is out of date: run `pnpm docs:diagram` and commit it.'];
    expect(problems).toEqual([]);
  });
});
