import {
  createEvent,
  EVENT_CATALOG,
  type EventDefinition,
  type EventEnvelope,
  type EventOrigin,
} from '@kafka-commerce/events';
import { type z } from 'zod';

// Consumer specs take events as their consumers receive them: whole envelopes built through
// the real definitions (payload validated, a fresh event id each), never hand-written JSON.

/** The envelope `createEvent` builds for `payload`, typed as the definition's event. */
export function eventOf<TType extends string, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TSchema>,
  payload: z.input<TSchema>,
  origin: EventOrigin,
): EventEnvelope<TType, z.infer<TSchema>> {
  return createEvent(definition, payload, origin).envelope;
}

/**
 * A factory of one event version's envelopes: its contract fixture (from `EVENT_CATALOG`)
 * with the fields a test names overridden.
 */
export function eventFactory<TType extends string, TSchema extends z.ZodType<object, object>>(
  definition: EventDefinition<TType, TSchema>,
  origin: EventOrigin,
): (overrides?: Partial<z.input<TSchema>>) => EventEnvelope<TType, z.infer<TSchema>> {
  const fixture = fixtureOf(definition);
  return (overrides = {}) => eventOf(definition, { ...fixture, ...overrides }, origin);
}

function fixtureOf<TSchema extends z.ZodType>(
  definition: EventDefinition<string, TSchema>,
): z.input<TSchema> {
  const catalog: readonly { definition: EventDefinition; fixture: unknown }[] = EVENT_CATALOG;
  const entry = catalog.find((candidate) => candidate.definition === definition);
  if (!entry) {
    throw new Error(`${definition.type} v${definition.version} has no fixture in EVENT_CATALOG`);
  }
  // The catalog pairs each definition with its own fixture; createEvent validates it again.
  return entry.fixture as z.input<TSchema>;
}
