import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import {
  DEFAULT_NOTIFICATION_CHANNELS,
  normalizeEmail,
  type SignupSource,
  type User,
  type UserRole,
} from '../../domain/user';
import { userRegistered } from '../users-events';
import { UserRepository } from '../ports/user-repository';

export interface RegisterUser {
  readonly email: string;
  readonly username: string;
  readonly password: string;
  readonly phone?: string;
  readonly source?: SignupSource;
  /** Internal only (the admin account); registration over HTTP always makes a 'user'. */
  readonly role?: UserRole;
  readonly correlationId: string;
}

@Injectable()
export class RegisterUserHandler {
  constructor(private readonly users: UserRepository) {}

  async execute(command: RegisterUser): Promise<User> {
    // argon2id with the library's defaults (OWASP-recommended); hashed before any transaction.
    const passwordHash = await hash(command.password);
    const user: User = {
      id: randomUUID(),
      email: normalizeEmail(command.email),
      username: command.username,
      phone: command.phone ?? null,
      source: command.source ?? 'web',
      role: command.role ?? 'user',
      createdAt: new Date(),
      notificationChannels: DEFAULT_NOTIFICATION_CHANNELS,
      profileRevision: 0,
    };
    await this.users.create({ ...user, passwordHash }, [
      userRegistered(user, command.correlationId),
    ]);
    return user;
  }
}
