import { Injectable } from '@nestjs/common';
import { Inbox, inboxClaimCte } from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { type ClaimedNotification } from '../application/ports/delivery-queue';
import { type CausedEffects, NotificationLog } from '../application/ports/notification-log';
import { insertNotificationsSql, notificationRecords } from './notification-rows';

/*
 * Everything a batch of events causes, in one statement with their inbox claims (no
 * transaction: every write is joined to the claim, so a redelivered event stores nothing):
 * the order owners (order.created; the last event of an order wins, as when applied one by
 * one) and the notifications ($1). These are stored claimed for their first attempt —
 * counted, and out of the background sender's reach until the lease ($4) runs out — by the
 * instance that sends them right after, so no separate claim is needed. Should that
 * instance die first, the lease runs out and the background sender takes them, like any
 * abandoned attempt.
 */
const RECORD_SQL = `
  WITH ${inboxClaimCte('claim', '$5', '$3')},
  owner AS (
    INSERT INTO order_owners (order_id, user_id, source_event_id)
    SELECT DISTINCT ON (o.order_id) o.order_id::uuid, o.user_id::uuid, claim.event_id
    FROM jsonb_to_recordset($2::jsonb) AS o(order_id text, user_id text, event_id text, seq int)
    JOIN claim ON claim.event_id = o.event_id::uuid
    ORDER BY o.order_id, o.seq DESC
    ON CONFLICT (order_id) DO UPDATE
    SET user_id = EXCLUDED.user_id, source_event_id = EXCLUDED.source_event_id
  ),
  stored AS (
    ${insertNotificationsSql('$1', '1', "now() + $4::int * interval '1 millisecond'", 'claim')}
    RETURNING id::text AS id, channel::text AS channel, template, recipient, subject, body,
              attempts
  )
  SELECT (SELECT count(*) FROM claim)::int AS claimed,
         COALESCE((SELECT json_agg(stored) FROM stored), '[]'::json) AS notifications`;

interface RecordOutcome {
  readonly claimed: number;
  readonly notifications: ClaimedNotification[];
}

@Injectable()
export class SqlNotificationLog extends NotificationLog {
  constructor(
    private readonly pool: DatabasePool,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  async recordOnce(
    consumer: string,
    caused: readonly CausedEffects[],
    leaseMs: number,
  ): Promise<ClaimedNotification[]> {
    // A batch may hold the same event twice (a redelivery): it is applied once.
    const events = [...new Map(caused.map((entry) => [entry.eventId, entry])).values()];
    const owners = events.flatMap(({ eventId, effects: { orderOwner } }, seq) =>
      orderOwner
        ? [{ order_id: orderOwner.orderId, user_id: orderOwner.userId, event_id: eventId, seq }]
        : [],
    );
    const {
      rows: [outcome],
    } = await this.pool.query<RecordOutcome>(RECORD_SQL, [
      notificationRecords(
        events.flatMap(({ eventId, effects }) =>
          effects.notifications.map((draft) => ({ eventId, draft })),
        ),
      ),
      JSON.stringify(owners),
      JSON.stringify(events.map((entry) => entry.eventId)),
      leaseMs,
      consumer,
    ]);
    this.inbox.countDuplicates(consumer, caused.length - (outcome?.claimed ?? 0));
    return outcome?.notifications ?? [];
  }
}
