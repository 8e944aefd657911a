import { moneySchema, toDecimal } from '@kafka-commerce/money';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * A money amount as the events carry it (a decimal string like "19.99", never a JSON
 * number) that fits the column it is stored in.
 */
export function IsMoney(max: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoney',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          moneySchema.safeParse(value).success &&
          toDecimal(value).lessThanOrEqualTo(max),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a decimal string with at most 2 decimal places from 0 to ${max}, e.g. "19.99"`,
      },
    },
    options,
  );
}
