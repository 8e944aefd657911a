import { type User } from '../../domain/user';

export interface NewUser extends Omit<User, 'createdAt'> {
  readonly passwordHash: string;
}

/** Port: where users are stored. Throws EmailAlreadyRegisteredError on a duplicate email. */
export abstract class UserRepository {
  abstract create(user: NewUser): Promise<User>;
}
