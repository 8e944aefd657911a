import { type ClaimedNotification } from '../notifications/application/ports/delivery-queue';
import {
  type CausedEffects,
  NotificationLog,
} from '../notifications/application/ports/notification-log';
import { type InMemoryNotificationState } from './in-memory-notification-state';

/** NotificationLog over the in-memory tables: inbox claim, order owner and claimed rows. */
export class InMemoryNotificationLog extends NotificationLog {
  constructor(private readonly state: InMemoryNotificationState) {
    super();
  }

  recordOnce(
    consumer: string,
    caused: readonly CausedEffects[],
    leaseMs: number,
  ): Promise<ClaimedNotification[]> {
    const stored: ClaimedNotification[] = [];
    for (const { eventId, effects } of caused) {
      if (!this.state.claimEvent(consumer, eventId)) continue;
      if (effects.orderOwner) {
        this.state.owners.set(effects.orderOwner.orderId, effects.orderOwner.userId);
      }
      stored.push(...this.state.insertClaimed(eventId, effects.notifications, leaseMs));
    }
    return Promise.resolve(stored);
  }
}
