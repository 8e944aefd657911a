import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { MAX_UNITS } from '../domain/product';

export class RestockProductRequest extends createZodDto(
  z.strictObject({
    quantity: z
      .number()
      .int()
      .min(1)
      .max(MAX_UNITS)
      .meta({ example: 50, description: 'Units received' }),
  }),
) {}
