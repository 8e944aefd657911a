import { type z } from 'zod';
import { type EVENT_CATALOG } from './catalog';
import { type OutgoingEvent } from './create-event';
import { type EventDefinition } from './define-event';
import { type EventOf } from './parse-event';
import { type TopicName } from './topics';

/** Every published event definition, as a union type. */
export type CatalogDefinition = (typeof EVENT_CATALOG)[number]['definition'];

/** The event definitions (all versions) that travel on one topic. */
export type DefinitionsOnTopic<TTopic extends TopicName> = Extract<
  CatalogDefinition,
  { readonly topic: TTopic }
>;

/**
 * The envelopes a consumer of `TTopic` can receive: a discriminated union on `type`, so a
 * `switch (event.type)` narrows the payload and an exhaustive switch covers the topic.
 */
export type EventsOnTopic<TTopic extends TopicName> = EventOf<DefinitionsOnTopic<TTopic>>;

/** The event type names on one topic, e.g. `EventTypeOnTopic<'orders'>`. */
export type EventTypeOnTopic<TTopic extends TopicName> = DefinitionsOnTopic<TTopic>['type'];

/** The outgoing event `createEvent` builds from one definition, topic included. */
export type OutgoingEventOf<TDefinition> =
  TDefinition extends EventDefinition<infer TType, infer TSchema, infer TTopic>
    ? OutgoingEvent<TType, z.infer<TSchema>, TTopic>
    : never;

/**
 * What may be published to `TTopic`. Typing a producer's port with it makes publishing an
 * event to the wrong topic a compile error, since `createEvent` takes the topic from the
 * definition and never from the caller.
 */
export type OutgoingEventOn<TTopic extends TopicName> = OutgoingEventOf<DefinitionsOnTopic<TTopic>>;
