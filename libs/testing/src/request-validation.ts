import { BadRequestException, type Paramtype, type Type } from '@nestjs/common';
import { createValidationPipe, type FieldError } from '@kafka-commerce/platform';

// Request DTO specs run the services' real global pipe, as Nest runs it for a request, so a
// spec sees exactly what a client would: the parsed value, or the 400's field errors.

/** Where in a request the value comes from (custom decorators' values bypass the pipe). */
export type RequestPart = Exclude<Paramtype, 'custom'>;

/** What the validation pipe makes of `value` declared as `metatype` (a body unless `type` says). */
export async function validated<T>(
  metatype: Type<T>,
  value: unknown,
  type: RequestPart = 'body',
): Promise<T> {
  return (await createValidationPipe().transform(value, { type, metatype })) as T;
}

/** The field errors of the 400 the pipe answers `value` with; throws if the pipe accepts it. */
export async function refusal(
  metatype: Type<unknown>,
  value: unknown,
  type: RequestPart = 'body',
): Promise<readonly FieldError[]> {
  try {
    await validated(metatype, value, type);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { errors: readonly FieldError[] }).errors;
  }
  throw new Error(`expected the ${type} to be refused, but the validation pipe accepted it`);
}

/** The names of the fields the pipe refuses `value` for, in its order. */
export async function refusedFields(
  metatype: Type<unknown>,
  value: unknown,
  type: RequestPart = 'body',
): Promise<string[]> {
  return (await refusal(metatype, value, type)).map((error) => error.field);
}
