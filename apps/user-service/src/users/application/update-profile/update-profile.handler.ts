import { Injectable } from '@nestjs/common';
import { createEvent, userUpdatedV1 } from '@kafka-commerce/events';
import { USER_SERVICE } from '../../../config/user-service.config';
import { applyProfilePatch, type ProfilePatch } from '../../domain/profile';
import { type User, UserNotFoundError } from '../../domain/user';
import { UserRepository } from '../register-user/user.repository';

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
      // The whole profile as it now is, so consumers store it rather than merge a patch.
      const event = createEvent(
        userUpdatedV1,
        {
          userId: user.id,
          username: user.username,
          ...(user.phone === null ? {} : { phone: user.phone }),
          notificationChannels: [...user.notificationChannels],
          revision: user.profileRevision,
          updatedAt: new Date().toISOString(),
        },
        { producer: USER_SERVICE, correlationId },
      );
      return { user, events: [event] };
    });
    if (!updated) throw new UserNotFoundError(userId);
    return updated;
  }
}
