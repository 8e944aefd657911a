import { Injectable } from '@nestjs/common';
import { type OutgoingEvent } from '@kafka-commerce/events';
import { Outbox } from '@kafka-commerce/messaging';
import { UserDatabase } from '../../database';
import { Prisma } from '../../generated/prisma/client';
import { type NewUser, UserRepository } from '../application/register-user/user.repository';
import { EmailAlreadyRegisteredError } from '../domain/user';

const UNIQUE_VIOLATION = 'P2002';

@Injectable()
export class PrismaUserRepository extends UserRepository {
  constructor(
    private readonly db: UserDatabase,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async create(user: NewUser, events: readonly OutgoingEvent[]): Promise<void> {
    try {
      // A batch transaction: one round trip, no interactive-transaction overhead.
      await this.db.$transaction([
        this.db.user.create({ data: user }),
        this.outbox.append(this.db, events),
      ]);
    } catch (error) {
      if (
        error instanceof Prisma.PrismaClientKnownRequestError &&
        error.code === UNIQUE_VIOLATION
      ) {
        throw new EmailAlreadyRegisteredError(user.email);
      }
      throw error;
    }
  }
}
