import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { createEvent, userRegisteredV1 } from '@kafka-commerce/events';
import { EventPublisher } from '@kafka-commerce/messaging';
import { hash } from '@node-rs/argon2';
import { USER_SERVICE } from '../../../config/user-service.config';
import { normalizeEmail, type SignupSource, type User } from '../../domain/user';
import { UserRepository } from './user.repository';

export interface RegisterUser {
  readonly email: string;
  readonly username: string;
  readonly password: string;
  readonly phone?: string;
  readonly source?: SignupSource;
  readonly correlationId: string;
}

@Injectable()
export class RegisterUserHandler {
  constructor(
    private readonly users: UserRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async execute(command: RegisterUser): Promise<User> {
    // argon2id with the library's defaults (OWASP-recommended); hashed before any transaction.
    const passwordHash = await hash(command.password);
    const user = await this.users.create({
      id: randomUUID(),
      email: normalizeEmail(command.email),
      username: command.username,
      phone: command.phone ?? null,
      source: command.source ?? 'web',
      passwordHash,
    });
    // Published after the commit; the transactional outbox replaces this direct publish.
    await this.publisher.publish([
      createEvent(
        userRegisteredV1,
        {
          userId: user.id,
          email: user.email,
          username: user.username,
          ...(user.phone === null ? {} : { phone: user.phone }),
          source: user.source,
          registeredAt: user.createdAt.toISOString(),
        },
        { producer: USER_SERVICE, correlationId: command.correlationId },
      ),
    ]);
    return user;
  }
}
