import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { createValidationPipe, type FieldError } from '@kafka-commerce/platform';
import { SensorReadingBatch, type SensorReadingRequest } from './record-readings.request';

/** Validates a bare array body of readings with the service's usual 400 field messages. */
@Injectable()
export class SensorReadingsPipe implements PipeTransform<unknown, Promise<SensorReadingRequest[]>> {
  private readonly validation = createValidationPipe();

  async transform(body: unknown): Promise<SensorReadingRequest[]> {
    // class-validator would validate an object as if it were a single reading: say it plainly.
    if (!Array.isArray(body)) throw notAnArray();
    const batch = (await this.validation.transform(
      { readings: body },
      { type: 'body', metatype: SensorReadingBatch },
    )) as SensorReadingBatch;
    return batch.readings;
  }
}

function notAnArray(): BadRequestException {
  const errors: FieldError[] = [
    { field: 'readings', messages: ['the body must be a JSON array of readings'] },
  ];
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'Validation failed',
    errors,
  });
}
