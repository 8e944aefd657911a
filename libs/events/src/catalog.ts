import { type EventDefinition } from './define-event';
import { userRegisteredV1, userRegisteredV1Fixture } from './users/user-registered.v1';

/** Every published event version, with a valid example of each (used by contract tests). */
export const EVENT_CATALOG = [
  { definition: userRegisteredV1, fixture: userRegisteredV1Fixture },
] as const;

export const ALL_EVENTS: readonly EventDefinition[] = EVENT_CATALOG.map(
  (entry) => entry.definition,
);
