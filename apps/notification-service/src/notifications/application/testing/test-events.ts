import { createEvent, type EventDefinition, type EventOf } from '@kafka-commerce/events';
import { type z } from 'zod';

/** A consumed event as a handler receives it: a valid envelope built from a payload. */
export function consumed<TDefinition extends EventDefinition>(
  definition: TDefinition,
  payload: z.input<TDefinition['schema']>,
): EventOf<TDefinition> {
  return createEvent(definition, payload, { producer: 'test', correlationId: 'test' })
    .envelope as EventOf<TDefinition>;
}
