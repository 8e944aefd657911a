import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** `GET /payments?orderId=`: any RFC UUID version (the nil and max UUIDs too), nothing else. */
export class ListPaymentsQuery extends createZodDto(
  z.strictObject({
    orderId: z
      .uuid({ error: 'must be a UUID' })
      .meta({ description: 'The order whose payments to list' }),
  }),
) {}
