import { userRegisteredV1 } from '@kafka-commerce/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** `POST /auth/login`. */
export class LoginRequest extends createZodDto(
  z.strictObject({
    email: userRegisteredV1.schema.shape.email.meta({ example: 'ada@example.com' }),
    password: z.string().min(1).max(128).meta({ example: 'correct horse battery' }),
  }),
) {}
