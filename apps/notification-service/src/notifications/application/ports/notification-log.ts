import { type NotificationDraft } from '../../domain/notification';
import { type OrderOwner } from '../../domain/notification-plan';
import { type ClaimedNotification } from './delivery-queue';

export interface EventEffects {
  readonly notifications: readonly NotificationDraft[];
  readonly orderOwner: OrderOwner | null;
}

/** What one consumed event causes here. */
export interface CausedEffects {
  readonly eventId: string;
  readonly effects: EventEffects;
}

/** Port: stores what events cause, once per event. */
export abstract class NotificationLog {
  /**
   * In one transaction for the whole batch: claims each event for this consumer (inbox) and,
   * for those that are new, records the order owner and stores the notifications as
   * PENDING, already claimed for their first attempt by the caller for `leaseMs` (no other
   * sender takes them meanwhile). Returns the notifications stored (none for a duplicate),
   * for the caller to send after the commit. Sends nothing.
   */
  abstract recordOnce(
    consumer: string,
    caused: readonly CausedEffects[],
    leaseMs: number,
  ): Promise<ClaimedNotification[]>;
}
