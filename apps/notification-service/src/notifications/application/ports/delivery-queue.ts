import { type NotificationChannel, type NotificationTemplate } from '../../domain/notification';

/** A notification a sender holds the lease of, ready to go out. */
export interface ClaimedNotification {
  readonly id: string;
  readonly channel: NotificationChannel;
  readonly template: NotificationTemplate;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  /** Attempts so far, this one included. */
  readonly attempts: number;
}

export interface DeliveryFailure {
  readonly id: string;
  readonly error: string;
  /** When to try again; null gives up (the row stays FAILED). */
  readonly retryInMs: number | null;
}

/**
 * Port: notifications waiting to be sent. Claiming takes a lease (counted as an attempt) so
 * that concurrent senders never take the same row; nothing stays locked while mail is sent.
 */
export abstract class DeliveryQueue {
  /** Right after they were stored: claims those of `ids` no sender has tried yet. */
  abstract claimNew(ids: readonly string[], leaseMs: number): Promise<ClaimedNotification[]>;
  /** Claims up to `limit` notifications whose grace period, lease or backoff has run out. */
  abstract claimDue(limit: number, leaseMs: number): Promise<ClaimedNotification[]>;
  /**
   * Gives back notifications stored already claimed (NotificationLog.recordOnce) that their
   * sender will not attempt after all: due at once for the background sender, the attempt
   * not counted.
   */
  abstract release(ids: readonly string[]): Promise<void>;
  abstract markSent(ids: readonly string[]): Promise<void>;
  abstract markFailed(failures: readonly DeliveryFailure[]): Promise<void>;
}
