import { userRegisteredV1 } from '@kafka-commerce/events';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { SIGNUP_SOURCES } from '../domain/user';

// The email rule is user.registered's own, so a registration that passes can never make an
// invalid event.
const { email } = userRegisteredV1.schema.shape;

/** `POST /users`. */
export class RegisterUserRequest extends createZodDto(
  z.strictObject({
    email: email.max(254).meta({ example: 'ada@example.com' }),
    username: z.string().min(2).max(50).meta({ example: 'ada' }),
    password: z.string().min(8).max(128).meta({ example: 'correct horse battery' }),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number')
      .optional()
      .meta({ example: '+44 20 7946 0000' }),
    source: z.enum(SIGNUP_SOURCES).optional().meta({ default: 'web' }),
  }),
) {}
