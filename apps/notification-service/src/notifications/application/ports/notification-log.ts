import { type NotificationDraft } from '../../domain/notification';
import { type OrderOwner } from '../../domain/notification-plan';
import { type ClaimedNotification } from './delivery-queue';

export interface EventEffects {
  readonly notifications: readonly NotificationDraft[];
  readonly orderOwner: OrderOwner | null;
}

/** Port: stores what an event causes, once per event. */
export abstract class NotificationLog {
  /**
   * In one transaction: claims the event for this consumer (inbox) and, only if it is new,
   * records the order owner and stores the notifications as PENDING, already claimed for
   * their first attempt by the caller for `leaseMs` (no other sender takes them meanwhile).
   * Returns the notifications stored (none for a duplicate), for the caller to send after
   * the commit. Sends nothing.
   */
  abstract recordOnce(
    consumer: string,
    eventId: string,
    effects: EventEffects,
    leaseMs: number,
  ): Promise<ClaimedNotification[]>;
}
