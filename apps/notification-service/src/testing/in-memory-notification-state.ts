import { FRESH_DELIVERY_GRACE_MS } from '../notifications/domain/delivery-schedule';
import {
  type Customer,
  type NotificationDraft,
  type NotificationStatus,
} from '../notifications/domain/notification';
import { type ClaimedNotification } from '../notifications/application/ports/delivery-queue';

export interface StoredNotification extends NotificationDraft {
  readonly id: string;
  readonly eventId: string;
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: number | null;
  error: string | null;
  sentAt: number | null;
}

/**
 * The notification tables in memory, with the rules the Prisma adapters keep: one row per
 * (event, channel, template), inbox claims per consumer, grace period, leases and backoff
 * measured on a clock the test moves.
 */
export class InMemoryNotificationState {
  now = Date.parse('2026-11-26T10:00:00.000Z');
  readonly notifications: StoredNotification[] = [];
  readonly inbox = new Set<string>();
  readonly owners = new Map<string, string>();
  readonly customers = new Map<string, Customer>();
  private nextId = 1;

  claimEvent(consumer: string, eventId: string): boolean {
    const key = `${consumer}/${eventId}`;
    if (this.inbox.has(key)) return false;
    this.inbox.add(key);
    return true;
  }

  /** Stores drafts as fresh rows, left to their sender for the grace period (claimNew). */
  insert(eventId: string, drafts: readonly NotificationDraft[]): string[] {
    return this.store(eventId, drafts, { attempts: 0, dueInMs: FRESH_DELIVERY_GRACE_MS }).map(
      (row) => row.id,
    );
  }

  /** Stores drafts claimed for their first attempt, as NotificationLog.recordOnce does. */
  insertClaimed(
    eventId: string,
    drafts: readonly NotificationDraft[],
    leaseMs: number,
  ): ClaimedNotification[] {
    return this.store(eventId, drafts, { attempts: 1, dueInMs: leaseMs }).map(claimedView);
  }

  private store(
    eventId: string,
    drafts: readonly NotificationDraft[],
    { attempts, dueInMs }: { readonly attempts: number; readonly dueInMs: number },
  ): StoredNotification[] {
    const stored: StoredNotification[] = [];
    for (const draft of drafts) {
      const duplicate = this.notifications.some(
        (row) =>
          row.eventId === eventId &&
          row.channel === draft.channel &&
          row.template === draft.template,
      );
      if (duplicate) continue;
      const row: StoredNotification = {
        ...draft,
        id: `notification-${this.nextId++}`,
        eventId,
        status: 'PENDING',
        attempts,
        nextAttemptAt: this.now + dueInMs,
        error: null,
        sentAt: null,
      };
      this.notifications.push(row);
      stored.push(row);
    }
    return stored;
  }

  byId(id: string): StoredNotification {
    const row = this.notifications.find((candidate) => candidate.id === id);
    if (!row) throw new Error(`no notification ${id}`);
    return row;
  }
}

/** What a sender is handed of a stored row. */
export function claimedView(row: StoredNotification): ClaimedNotification {
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    attempts: row.attempts,
  };
}
