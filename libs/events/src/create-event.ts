import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { type EventDefinition } from './define-event';
import { type EventEnvelope } from './envelope';
import { type TopicName } from './topics';

export interface EventOrigin {
  readonly producer: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
}

/** An event ready to publish: the topic and key come from its definition, never the caller. */
export interface OutgoingEvent<
  TType extends string = string,
  TPayload = unknown,
  TTopic extends string = string,
> {
  readonly topic: TTopic;
  readonly key: string;
  readonly envelope: EventEnvelope<TType, TPayload>;
}

/** Builds a new event; the payload is validated here so that nothing invalid is ever sent. */
export function createEvent<
  TType extends string,
  TSchema extends z.ZodType,
  TTopic extends TopicName = TopicName,
>(
  definition: EventDefinition<TType, TSchema, TTopic>,
  payload: z.input<TSchema>,
  origin: EventOrigin,
  now: Date = new Date(),
): OutgoingEvent<TType, z.infer<TSchema>, TTopic> {
  const validPayload = definition.schema.parse(payload);
  return {
    topic: definition.topic,
    key: definition.key(validPayload),
    envelope: {
      eventId: randomUUID(),
      type: definition.type,
      version: definition.version,
      occurredAt: now.toISOString(),
      producer: origin.producer,
      correlationId: origin.correlationId,
      causationId: origin.causationId ?? null,
      payload: validPayload,
    },
  };
}
