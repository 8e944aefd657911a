import { timestampSchema } from '@kafka-commerce/events';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Accepts exactly the timestamps the event contract accepts (ISO 8601 with `Z` or an offset),
 * so a request that passes validation can never produce an invalid event.
 */
export function IsEventTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEventTimestamp',
      validator: {
        validate: (value: unknown) => timestampSchema.safeParse(value).success,
        defaultMessage: () =>
          '$property must be an ISO 8601 date-time with Z or an offset, e.g. 2026-11-26T10:00:00.000Z',
      },
    },
    options,
  );
}
