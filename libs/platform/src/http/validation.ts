import { type ArgumentMetadata, BadRequestException, type PipeTransform } from '@nestjs/common';
import { describeUnsafeText, findUnsafeText } from '@kafka-commerce/events';
import { createZodValidationPipe } from 'nestjs-zod';
import { type z } from 'zod';

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/**
 * Rejects invalid input with 400 and one entry per field (nested fields dotted, e.g.
 * `shippingAddress.city`). Request classes are zod DTOs (`createZodDto`), so a field's rule is
 * written once, in the same schema language as events and configuration; declare bodies with
 * `z.strictObject` so unknown fields are refused rather than silently dropped.
 * Before any rule, every string in a body, param or query (however deep, and whatever the
 * declared type) must be text PostgreSQL can store unchanged: no NUL, no unpaired UTF-16
 * surrogate.
 */
export function createValidationPipe(): PipeTransform {
  return new WireTextValidationPipe();
}

const ZodPipe = createZodValidationPipe({
  createValidationException: (error) => validationFailed(fieldErrorsOf(error as z.ZodError)),
});

class WireTextValidationPipe implements PipeTransform {
  private readonly zod = new ZodPipe();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom decorators carry what our own code derived (the caller, a correlation id).
    if (metadata.type === 'custom') return value;
    const unsafe = findUnsafeText(value, metadata.data ?? '');
    if (unsafe.length > 0) {
      throw validationFailed(
        unsafe.map(({ path, reasons }) => ({
          field: path,
          messages: reasons.map((reason) => describeUnsafeText(path, reason)),
        })),
      );
    }
    // Values declared with a zod DTO are parsed by it; others (a plain string param) pass.
    return (await this.zod.transform(value, metadata)) as unknown;
  }
}

/** 400 in the shape every service answers bad input with. */
export function validationFailed(errors: readonly FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    errors,
  });
}

/** One entry per field, in the order zod found them; an unknown key is named as its own field. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  const byField = new Map<string, string[]>();
  const add = (field: string, message: string): void => {
    byField.set(field, [...(byField.get(field) ?? []), message]);
  };
  for (const issue of error.issues) {
    const parent = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add(dotted(parent, key), `${key} is not a known field`);
    } else {
      const field = parent || 'body';
      add(field, `${field}: ${issue.message}`);
    }
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

function dotted(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}
