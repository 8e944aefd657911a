import { Injectable } from '@nestjs/common';
import { type OutgoingEvent } from '@kafka-commerce/events';
import { Outbox } from '@kafka-commerce/messaging';
import { UserDatabase } from '../../database';
import { Prisma, type User as UserRow } from '../../generated/prisma/client';
import {
  type NewUser,
  type UserChange,
  type UserCredentials,
  UserRepository,
} from '../application/ports/user-repository';
import { NOTIFICATION_CHANNELS, type NotificationChannel, type User } from '../domain/user';
import { EmailAlreadyRegisteredError } from '../domain/user.errors';

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
        this.db.user.create({
          data: { ...user, notificationChannels: [...user.notificationChannels] },
        }),
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

  async findCredentials(email: string): Promise<UserCredentials | undefined> {
    const row = await this.db.user.findUnique({ where: { email } });
    return row ? { user: toUser(row), passwordHash: row.passwordHash } : undefined;
  }

  async findById(id: string): Promise<User | undefined> {
    const row = await this.db.user.findUnique({ where: { id } });
    return row ? toUser(row) : undefined;
  }

  async makeAdmin(id: string): Promise<void> {
    await this.db.user.update({ where: { id }, data: { role: 'admin' } });
  }

  updateProfile(id: string, change: (user: User) => UserChange): Promise<User | undefined> {
    return this.db.$transaction(async (tx) => {
      // Locked, so two concurrent changes of one user apply (and are announced) one after
      // the other: each sees the other's result, and their outbox rows keep that order.
      const locked = await tx.$queryRaw<{ id: string }[]>(
        Prisma.sql`SELECT id::text AS id FROM users WHERE id = ${id}::uuid FOR UPDATE`,
      );
      if (locked.length === 0) return undefined;
      const current = await tx.user.findUniqueOrThrow({ where: { id } });
      const { user, events } = change(toUser(current));
      const saved = await tx.user.update({
        where: { id },
        data: {
          username: user.username,
          phone: user.phone,
          notificationChannels: [...user.notificationChannels],
          profileRevision: user.profileRevision,
        },
      });
      await this.outbox.append(tx, events);
      return toUser(saved);
    });
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    username: row.username,
    phone: row.phone,
    source: row.source,
    role: row.role,
    createdAt: row.createdAt,
    notificationChannels: NOTIFICATION_CHANNELS.filter((channel: NotificationChannel) =>
      row.notificationChannels.includes(channel),
    ),
    profileRevision: row.profileRevision,
  };
}
