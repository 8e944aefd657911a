import {
  type ArgumentMetadata,
  BadRequestException,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import { describeUnsafeText, findUnsafeText } from '@kafka-commerce/events';

export interface FieldError {
  readonly field: string;
  readonly messages: readonly string[];
}

/**
 * Rejects invalid bodies with 400 and one entry per field (nested fields dotted, e.g.
 * `shippingAddress.city`); unknown fields are refused rather than silently dropped.
 * Before any class-validator rule, every string in a body, param or query (however deep, and
 * whatever the declared type) must be text PostgreSQL can store unchanged: no NUL, no unpaired
 * UTF-16 surrogate.
 */
export function createValidationPipe(): ValidationPipe {
  return new WireTextValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}

class WireTextValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Custom decorators carry what our own code derived (the caller, a correlation id).
    if (metadata.type !== 'custom') {
      const unsafe = findUnsafeText(value, metadata.data ?? '');
      if (unsafe.length > 0) {
        throw validationFailed(
          unsafe.map(({ path, reasons }) => ({
            field: path,
            messages: reasons.map((reason) => describeUnsafeText(path, reason)),
          })),
        );
      }
    }
    return super.transform(value, metadata);
  }
}

function validationFailed(errors: readonly FieldError[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    errors,
  });
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
