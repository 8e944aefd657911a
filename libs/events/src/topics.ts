/**
 * Every topic the system uses, created explicitly (broker auto-creation is off).
 * One topic per aggregate stream, keyed by the aggregate id, so that one aggregate's events
 * are never seen out of order. Partition counts bound how many instances of a consumer
 * group can work in parallel; they can grow later but never shrink.
 */
export const TOPICS = {
  users: { name: 'users', partitions: 3 },
} as const satisfies Record<string, TopicSpec>;

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS]['name'];

/** Where a message that cannot be processed is parked, with the reason in its headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}
