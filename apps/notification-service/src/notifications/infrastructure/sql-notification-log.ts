import { Injectable } from '@nestjs/common';
import { Inbox, inboxClaimCte } from '@kafka-commerce/messaging';
import { DatabasePool } from '@kafka-commerce/platform';
import { type ClaimedNotification } from '../application/ports/delivery-queue';
import { type EventEffects, NotificationLog } from '../application/ports/notification-log';
import { insertNotificationsSql, notificationRecords } from './notification-rows';

/*
 * Everything an event causes, in one statement with its inbox claim (no transaction: every
 * write is gated on the claim, so a redelivered event stores nothing): the order owner
 * (order.created; $2 holds none or one) and its notifications ($1). These are stored
 * claimed for their first attempt — counted, and out of the background sender's reach until
 * the lease ($4) runs out — by the instance that sends them right after, so no separate
 * claim is needed. Should that instance die first, the lease runs out and the background
 * sender takes them, like any abandoned attempt.
 */
const RECORD_SQL = `
  WITH ${inboxClaimCte('claim', '$5', '$3')},
  owner AS (
    INSERT INTO order_owners (order_id, user_id, source_event_id)
    SELECT o.order_id::uuid, o.user_id::uuid, claim.event_id
    FROM claim, jsonb_to_recordset($2::jsonb) AS o(order_id text, user_id text)
    ON CONFLICT (order_id) DO UPDATE
    SET user_id = EXCLUDED.user_id, source_event_id = EXCLUDED.source_event_id
  ),
  stored AS (
    ${insertNotificationsSql('$1', '1', "now() + $4::int * interval '1 millisecond'", 'claim')}
    RETURNING id::text AS id, channel::text AS channel, template, recipient, subject, body,
              attempts
  )
  SELECT EXISTS (SELECT 1 FROM claim) AS claimed,
         COALESCE((SELECT json_agg(stored) FROM stored), '[]'::json) AS notifications`;

interface RecordOutcome {
  readonly claimed: boolean;
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
    eventId: string,
    effects: EventEffects,
    leaseMs: number,
  ): Promise<ClaimedNotification[]> {
    const owners = effects.orderOwner ? [effects.orderOwner] : [];
    const {
      rows: [outcome],
    } = await this.pool.query<RecordOutcome>(RECORD_SQL, [
      notificationRecords(effects.notifications.map((draft) => ({ eventId, draft }))),
      JSON.stringify(owners.map(({ orderId, userId }) => ({ order_id: orderId, user_id: userId }))),
      eventId,
      leaseMs,
      consumer,
    ]);
    if (!outcome?.claimed) {
      this.inbox.countDuplicate(consumer);
      return [];
    }
    return outcome.notifications;
  }
}
