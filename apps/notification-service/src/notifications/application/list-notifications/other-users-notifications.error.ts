/** A customer asked for another user's notifications: only admins may. */
export class OtherUsersNotificationsError extends Error {
  constructor(readonly userId: string) {
    super(`the notifications of user ${userId} are not yours`);
    this.name = 'OtherUsersNotificationsError';
  }
}
