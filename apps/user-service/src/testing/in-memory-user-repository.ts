import { type OutgoingEvent } from '@kafka-commerce/events';
import { type User } from '../users/domain/user';
import {
  type NewUser,
  type UserChange,
  type UserCredentials,
  UserRepository,
} from '../users/application/ports/user-repository';

/** The users table and outbox in memory, with the rules the Prisma adapter keeps. */
export class InMemoryUserRepository extends UserRepository {
  readonly byEmail = new Map<string, UserCredentials>();
  /** Every event stored with a change, in order: what the outbox would publish. */
  readonly outbox: OutgoingEvent[] = [];

  create(user: NewUser, events: readonly OutgoingEvent[]): Promise<void> {
    const { passwordHash, ...rest } = user;
    this.byEmail.set(user.email, { user: rest, passwordHash });
    this.outbox.push(...events);
    return Promise.resolve();
  }

  findCredentials(email: string): Promise<UserCredentials | undefined> {
    return Promise.resolve(this.byEmail.get(email));
  }

  findById(id: string): Promise<User | undefined> {
    return Promise.resolve(this.entryOf(id)?.user);
  }

  makeAdmin(id: string): Promise<void> {
    const entry = this.entryOf(id);
    if (entry)
      this.byEmail.set(entry.user.email, { ...entry, user: { ...entry.user, role: 'admin' } });
    return Promise.resolve();
  }

  updateProfile(id: string, change: (user: User) => UserChange): Promise<User | undefined> {
    return new Promise((resolve) => {
      const entry = this.entryOf(id);
      if (!entry) {
        resolve(undefined);
        return;
      }
      // A throwing change rejects the promise and stores nothing, like the transaction.
      const { user, events } = change(entry.user);
      this.byEmail.set(entry.user.email, { ...entry, user });
      this.outbox.push(...events);
      resolve(user);
    });
  }

  private entryOf(id: string): UserCredentials | undefined {
    return [...this.byEmail.values()].find((entry) => entry.user.id === id);
  }
}
