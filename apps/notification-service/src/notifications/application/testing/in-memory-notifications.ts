import { FRESH_DELIVERY_GRACE_MS } from '../../domain/delivery-schedule';
import {
  type Customer,
  type NotificationDraft,
  type NotificationStatus,
} from '../../domain/notification';
import {
  type ClaimedNotification,
  DeliveryQueue,
  type DeliveryFailure,
} from '../ports/delivery-queue';
import { NotificationChannels } from '../ports/notification-channels';
import { type CausedEffects, NotificationLog } from '../ports/notification-log';
import { type OrderCustomer, RecipientDirectory } from '../ports/recipient-directory';

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

export class InMemoryDeliveryQueue extends DeliveryQueue {
  constructor(private readonly state: InMemoryNotificationState) {
    super();
  }

  claimNew(ids: readonly string[], leaseMs: number): Promise<ClaimedNotification[]> {
    const rows = this.state.notifications.filter(
      (row) => ids.includes(row.id) && row.attempts === 0,
    );
    return Promise.resolve(rows.map((row) => this.lease(row, leaseMs)));
  }

  claimDue(limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
    const rows = this.state.notifications
      .filter((row) => row.nextAttemptAt !== null && row.nextAttemptAt <= this.state.now)
      .slice(0, limit);
    return Promise.resolve(rows.map((row) => this.lease(row, leaseMs)));
  }

  release(ids: readonly string[]): Promise<void> {
    for (const row of this.state.notifications) {
      if (!ids.includes(row.id) || row.status !== 'PENDING' || row.attempts !== 1) continue;
      Object.assign(row, { attempts: 0, nextAttemptAt: this.state.now });
    }
    return Promise.resolve();
  }

  markSent(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      Object.assign(this.state.byId(id), {
        status: 'SENT',
        sentAt: this.state.now,
        nextAttemptAt: null,
        error: null,
      });
    }
    return Promise.resolve();
  }

  markFailed(failures: readonly DeliveryFailure[]): Promise<void> {
    for (const { id, error, retryInMs } of failures) {
      const row = this.state.byId(id);
      if (row.status === 'SENT') continue;
      Object.assign(row, {
        status: 'FAILED',
        error,
        nextAttemptAt: retryInMs === null ? null : this.state.now + retryInMs,
      });
    }
    return Promise.resolve();
  }

  private lease(row: StoredNotification, leaseMs: number): ClaimedNotification {
    row.attempts += 1;
    row.nextAttemptAt = this.state.now + leaseMs;
    return claimedView(row);
  }
}

function claimedView(row: StoredNotification): ClaimedNotification {
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

export class InMemoryRecipientDirectory extends RecipientDirectory {
  constructor(private readonly state: InMemoryNotificationState) {
    super();
  }

  customers(userIds: readonly string[]): Promise<ReadonlyMap<string, Customer>> {
    const known = userIds.flatMap((userId) => {
      const customer = this.state.customers.get(userId);
      return customer ? [[userId, customer] as const] : [];
    });
    return Promise.resolve(new Map(known));
  }

  orderCustomers(orderIds: readonly string[]): Promise<ReadonlyMap<string, OrderCustomer>> {
    const known = orderIds.flatMap((orderId) => {
      const userId = this.state.owners.get(orderId);
      if (userId === undefined) return [];
      const owner = { userId, customer: this.state.customers.get(userId) ?? null };
      return [[orderId, owner] as const];
    });
    return Promise.resolve(new Map(known));
  }
}

/** Channels that record what they were given; `failing` makes the next deliveries fail. */
export class RecordingChannels extends NotificationChannels {
  readonly delivered: ClaimedNotification[] = [];
  failing: Error | null = null;

  deliver(notification: ClaimedNotification): Promise<void> {
    if (this.failing) return Promise.reject(this.failing);
    this.delivered.push(notification);
    return Promise.resolve();
  }
}
