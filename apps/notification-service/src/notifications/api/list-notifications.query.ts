import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ListNotificationsQuery extends createZodDto(
  z.strictObject({
    userId: z.uuid({ error: 'must be a UUID' }).optional().meta({
      description: "Only notifications for this user (a customer's own id; another answers 403)",
    }),
    orderId: z.uuid({ error: 'must be a UUID' }).optional().meta({
      description: "Only notifications about this order (a customer's: only their own of those)",
    }),
  }),
) {}
