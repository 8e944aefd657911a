import { Injectable } from '@nestjs/common';
import { NotificationDatabase } from '../../database';
import {
  type ClaimedNotification,
  DeliveryQueue,
  type DeliveryFailure,
} from '../application/ports/delivery-queue';

/*
 * Claiming is one short statement: lock the candidates (skipping rows another sender is
 * claiming at this instant), count the attempt and push next_attempt_at out by the lease.
 * The lease, not a lock, keeps other senders away while the mail goes out, so no
 * transaction stays open across the network.
 */
const CLAIM_RETURNING = `
  RETURNING n.id::text AS id, n.channel::text AS channel, n.template, n.recipient, n.subject,
            n.body, n.attempts`;

const CLAIM_DUE_SQL = `
  UPDATE notifications n
  SET attempts = n.attempts + 1, next_attempt_at = now() + $2::int * interval '1 millisecond'
  FROM (
    SELECT id FROM notifications
    WHERE next_attempt_at <= now()
    ORDER BY next_attempt_at
    LIMIT $1
    FOR UPDATE SKIP LOCKED
  ) due
  WHERE n.id = due.id
  ${CLAIM_RETURNING}`;

// Only rows nobody has tried: once the grace period is over the background sender may
// have taken one, and its attempt counts.
const CLAIM_NEW_SQL = `
  UPDATE notifications n
  SET attempts = 1, next_attempt_at = now() + $2::int * interval '1 millisecond'
  FROM (
    SELECT id FROM notifications
    WHERE id = ANY($1::uuid[]) AND attempts = 0
    FOR UPDATE SKIP LOCKED
  ) fresh
  WHERE n.id = fresh.id
  ${CLAIM_RETURNING}`;

// Only rows still held by the claim taken at insert: attempts = 1 and not yet tried.
const RELEASE_SQL = `
  UPDATE notifications
  SET attempts = 0, next_attempt_at = now()
  WHERE id = ANY($1::uuid[]) AND status = 'PENDING' AND attempts = 1`;

const MARK_SENT_SQL = `
  UPDATE notifications
  SET status = 'SENT', sent_at = now(), next_attempt_at = NULL, error = NULL
  WHERE id = ANY($1::uuid[])`;

// Never downgrades a SENT row: a slow attempt may finish after another sender's success.
const MARK_FAILED_SQL = `
  UPDATE notifications n
  SET status = 'FAILED', error = f.error,
      next_attempt_at = CASE WHEN f.retry_in_ms IS NULL THEN NULL
                             ELSE now() + f.retry_in_ms * interval '1 millisecond' END
  FROM jsonb_to_recordset($1::jsonb) AS f(id uuid, error text, retry_in_ms bigint)
  WHERE n.id = f.id AND n.status <> 'SENT'`;

@Injectable()
export class PrismaDeliveryQueue extends DeliveryQueue {
  constructor(private readonly db: NotificationDatabase) {
    super();
  }

  claimNew(ids: readonly string[], leaseMs: number): Promise<ClaimedNotification[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.$queryRawUnsafe<ClaimedNotification[]>(CLAIM_NEW_SQL, ids, leaseMs);
  }

  claimDue(limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
    return this.db.$queryRawUnsafe<ClaimedNotification[]>(CLAIM_DUE_SQL, limit, leaseMs);
  }

  async release(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.$executeRawUnsafe(RELEASE_SQL, ids);
  }

  async markSent(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.$executeRawUnsafe(MARK_SENT_SQL, ids);
  }

  async markFailed(failures: readonly DeliveryFailure[]): Promise<void> {
    if (failures.length === 0) return;
    const rows = failures.map(({ id, error, retryInMs }) => ({
      id,
      error,
      retry_in_ms: retryInMs,
    }));
    await this.db.$executeRawUnsafe(MARK_FAILED_SQL, JSON.stringify(rows));
  }
}
