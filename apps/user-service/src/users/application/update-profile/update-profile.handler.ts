import { Injectable } from '@nestjs/common';
import { applyProfilePatch, type ProfilePatch } from '../../domain/profile';
import { type User } from '../../domain/user';
import { UserNotFoundError } from '../../domain/user.errors';
import { UserRepository } from '../ports/user-repository';
import { userUpdated } from '../users-events';

export interface UpdateProfile {
  readonly userId: string;
  readonly patch: ProfilePatch;
  readonly correlationId: string;
}

/**
 * PATCH /users/me: the new profile and its user.updated, stored in one transaction. Throws
 * ProfileRuleError for a patch the profile rules refuse, UserNotFoundError for no such user.
 */
@Injectable()
export class UpdateProfileHandler {
  constructor(private readonly users: UserRepository) {}

  async execute({ userId, patch, correlationId }: UpdateProfile): Promise<User> {
    const updated = await this.users.updateProfile(userId, (current) => {
      const user = applyProfilePatch(current, patch);
      return { user, events: [userUpdated(user, correlationId, new Date())] };
    });
    if (!updated) throw new UserNotFoundError(userId);
    return updated;
  }
}
