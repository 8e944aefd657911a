import { Injectable } from '@nestjs/common';
import { UserDatabase } from '../../database';
import { Prisma } from '../../generated/prisma/client';
import { type NewUser, UserRepository } from '../application/register-user/user.repository';
import { EmailAlreadyRegisteredError, type User } from '../domain/user';

const UNIQUE_VIOLATION = 'P2002';

@Injectable()
export class PrismaUserRepository extends UserRepository {
  constructor(private readonly db: UserDatabase) {
    super();
  }

  async create(user: NewUser): Promise<User> {
    try {
      const row = await this.db.user.create({ data: user });
      return {
        id: row.id,
        email: row.email,
        username: row.username,
        phone: row.phone,
        source: row.source,
        createdAt: row.createdAt,
      };
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
