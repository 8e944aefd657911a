import { type NotificationDraft } from '../../domain/notification';
import { type OrderOwner } from '../../domain/notification-plan';

export interface EventEffects {
  readonly notifications: readonly NotificationDraft[];
  readonly orderOwner: OrderOwner | null;
}

/** Port: stores what an event causes, once per event. */
export abstract class NotificationLog {
  /**
   * In one transaction: claims the event for this consumer (inbox) and, only if it is new,
   * records the order owner and stores the notifications as PENDING. Returns the ids of the
   * notifications stored (none for a duplicate). Sends nothing.
   */
  abstract recordOnce(consumer: string, eventId: string, effects: EventEffects): Promise<string[]>;
}
