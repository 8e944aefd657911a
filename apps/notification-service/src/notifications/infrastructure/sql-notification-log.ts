import { Injectable } from '@nestjs/common';
import { Inbox } from '@kafka-commerce/messaging';
import { NotificationDatabase } from '../../database';
import { type ClaimedNotification } from '../application/ports/delivery-queue';
import { type EventEffects, NotificationLog } from '../application/ports/notification-log';
import { insertNotificationsSql, notificationRecords } from './notification-rows';

/*
 * Everything an event causes, in one statement after its inbox claim: the order owner
 * (order.created; $2 holds none or one) and its notifications ($1). These are stored
 * claimed for their first attempt — counted, and out of the background sender's reach until
 * the lease ($4) runs out — by the instance that sends them right after its commit, so no
 * separate claim is needed. Should that instance die first, the lease runs out and the
 * background sender takes them, like any abandoned attempt.
 */
const RECORD_SQL = `
  WITH owner AS (
    INSERT INTO order_owners (order_id, user_id, source_event_id)
    SELECT o.order_id::uuid, o.user_id::uuid, $3::uuid
    FROM jsonb_to_recordset($2::jsonb) AS o(order_id text, user_id text)
    ON CONFLICT (order_id) DO UPDATE
    SET user_id = EXCLUDED.user_id, source_event_id = EXCLUDED.source_event_id
  )
  ${insertNotificationsSql('$1', '1', "now() + $4::int * interval '1 millisecond'")}
  RETURNING id::text AS id, channel::text AS channel, template, recipient, subject, body,
            attempts`;

@Injectable()
export class PrismaNotificationLog extends NotificationLog {
  constructor(
    private readonly db: NotificationDatabase,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  recordOnce(
    consumer: string,
    eventId: string,
    effects: EventEffects,
    leaseMs: number,
  ): Promise<ClaimedNotification[]> {
    const owners = effects.orderOwner ? [effects.orderOwner] : [];
    const notifications = notificationRecords(
      effects.notifications.map((draft) => ({ eventId, draft })),
    );
    return this.db.$transaction(async (tx) => {
      if (!(await this.inbox.claimOne(tx, { consumer, eventId }))) return [];
      return tx.$queryRawUnsafe<ClaimedNotification[]>(
        RECORD_SQL,
        notifications,
        JSON.stringify(
          owners.map(({ orderId, userId }) => ({ order_id: orderId, user_id: userId })),
        ),
        eventId,
        leaseMs,
      );
    });
  }
}
