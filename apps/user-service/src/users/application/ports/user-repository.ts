import { type OutgoingEvent } from '@kafka-commerce/events';
import { type User } from '../../domain/user';

export interface NewUser extends User {
  readonly passwordHash: string;
}

/** A user's new state and the events that announce it. */
export interface UserChange {
  readonly user: User;
  readonly events: readonly OutgoingEvent[];
}

export interface UserCredentials {
  readonly user: User;
  readonly passwordHash: string;
}

/** Port: where users are stored. */
export abstract class UserRepository {
  /**
   * Stores the user and the events its registration publishes, atomically.
   * Throws EmailAlreadyRegisteredError on a duplicate email.
   */
  abstract create(user: NewUser, events: readonly OutgoingEvent[]): Promise<void>;
  /** By normalized email. */
  abstract findCredentials(email: string): Promise<UserCredentials | undefined>;
  abstract findById(id: string): Promise<User | undefined>;
  abstract makeAdmin(id: string): Promise<void>;
  /**
   * In one transaction: locks the user, lets `change` compute the new profile (it may throw
   * to abort), stores it with its events. Returns the stored user, undefined if there is none.
   */
  abstract updateProfile(id: string, change: (user: User) => UserChange): Promise<User | undefined>;
}
