import {
  type ClaimedNotification,
  DeliveryQueue,
  type DeliveryFailure,
} from '../notifications/application/ports/delivery-queue';
import {
  claimedView,
  type InMemoryNotificationState,
  type StoredNotification,
} from './in-memory-notification-state';

/** DeliveryQueue over the in-memory tables: leases, release, outcomes. */
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
