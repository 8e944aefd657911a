import path from 'node:path';
import { ALL_EVENTS } from '../src/catalog';
import { type EventDefinition } from '../src/define-event';
import { SERVICE_NAMES } from '../src/services';
import { type TopicSpec, TOPICS } from '../src/topics';

/** The README whose architecture section shows the diagram. */
export const README_FILE = path.resolve(__dirname, '..', '..', '..', 'README.md');

/** The generated block sits between these two lines of the README. */
export const DIAGRAM_MARKERS = {
  start: '<!-- topics-diagram:start -->',
  end: '<!-- topics-diagram:end -->',
} as const;

/** The diagram as libs/events declares the topics and events today. */
export function currentTopicsDiagram(): string {
  return renderTopicsDiagram(Object.values(TOPICS), ALL_EVENTS, SERVICE_NAMES);
}

/**
 * A Mermaid flowchart of who talks to whom: every service and topic is a node; the producer
 * points to its topic (the edge names the event types on it), the topic to each consumer.
 * Dead-letter topics are left out (one per topic would double the nodes) and said in a line.
 */
export function renderTopicsDiagram(
  topics: readonly TopicSpec[],
  events: readonly Pick<EventDefinition, 'type' | 'topic'>[],
  services: readonly string[],
): string {
  return [
    '```mermaid',
    'flowchart LR',
    ...services.map((service) => `  ${nodeId('service', service)}(["${service}"])`),
    ...topics.map((topic) => `  ${nodeId('topic', topic.name)}[("${topic.name}")]`),
    ...topics.flatMap((topic) => edgesOf(topic, eventTypesOn(topic.name, events))),
    '```',
    '',
    'Every topic also has a dead-letter topic, `<topic>.dlq` (not drawn). Generated from',
    '`libs/events` by `pnpm docs:diagram`; a unit test fails when this block is out of date.',
  ].join('\n');
}

/** `readme` with what lies between the markers replaced by `diagram`. */
export function withTopicsDiagram(readme: string, diagram: string): string {
  const start = readme.indexOf(DIAGRAM_MARKERS.start);
  const end = readme.indexOf(DIAGRAM_MARKERS.end);
  if (start < 0 || end < start) {
    throw new Error(`README.md lacks the lines ${DIAGRAM_MARKERS.start} … ${DIAGRAM_MARKERS.end}`);
  }
  // Prettier keeps a blank line after the HTML comment, so the block starts with one.
  const before = readme.slice(0, start + DIAGRAM_MARKERS.start.length);
  return `${before}\n\n${diagram}\n${readme.slice(end)}`;
}

/** Whether `readme` shows exactly `diagram` between the markers. */
export function showsTopicsDiagram(readme: string, diagram: string): boolean {
  return withTopicsDiagram(readme, diagram) === readme;
}

function edgesOf(topic: TopicSpec, eventTypes: readonly string[]): string[] {
  const id = nodeId('topic', topic.name);
  const label = eventTypes.length > 0 ? `|${eventTypes.join(', ')}|` : '';
  return [
    `  ${nodeId('service', topic.producer)} -->${label} ${id}`,
    ...topic.consumers.map((consumer) => `  ${id} --> ${nodeId('service', consumer)}`),
  ];
}

/** The event types published on a topic, each once (versions share a type). */
function eventTypesOn(
  topic: string,
  events: readonly Pick<EventDefinition, 'type' | 'topic'>[],
): string[] {
  return [...new Set(events.filter((event) => event.topic === topic).map((event) => event.type))];
}

/** Mermaid ids take no dots or dashes; the label keeps the real name. */
function nodeId(kind: 'service' | 'topic', name: string): string {
  return `${kind}_${name.replace(/[^a-z0-9]/gi, '_')}`;
}
