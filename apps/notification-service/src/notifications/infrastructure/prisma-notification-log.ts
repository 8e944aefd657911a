import { Injectable } from '@nestjs/common';
import { Inbox } from '@kafka-commerce/messaging';
import { NotificationDatabase } from '../../database';
import { type EventEffects, NotificationLog } from '../application/ports/notification-log';
import { FRESH_DELIVERY_GRACE_MS } from '../domain/delivery-schedule';
import { insertNotificationsSql, notificationRecords } from './notification-rows';

/*
 * Everything an event causes, in one statement after its inbox claim: the order owner
 * (order.created; $2 holds none or one) and its notifications ($1), due after the grace
 * period like every fresh notification.
 */
const RECORD_SQL = `
  WITH owner AS (
    INSERT INTO order_owners (order_id, user_id, source_event_id)
    SELECT o.order_id::uuid, o.user_id::uuid, $3::uuid
    FROM jsonb_to_recordset($2::jsonb) AS o(order_id text, user_id text)
    ON CONFLICT (order_id) DO UPDATE
    SET user_id = EXCLUDED.user_id, source_event_id = EXCLUDED.source_event_id
  )
  ${insertNotificationsSql('$1', '0', "now() + $4::int * interval '1 millisecond'")}
  RETURNING id::text AS id`;

@Injectable()
export class PrismaNotificationLog extends NotificationLog {
  constructor(
    private readonly db: NotificationDatabase,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  recordOnce(consumer: string, eventId: string, effects: EventEffects): Promise<string[]> {
    const owners = effects.orderOwner ? [effects.orderOwner] : [];
    const notifications = notificationRecords(
      effects.notifications.map((draft) => ({ eventId, draft })),
    );
    return this.db.$transaction(async (tx) => {
      if (!(await this.inbox.claimOne(tx, consumer, eventId))) return [];
      const stored = await tx.$queryRawUnsafe<{ id: string }[]>(
        RECORD_SQL,
        notifications,
        JSON.stringify(
          owners.map(({ orderId, userId }) => ({ order_id: orderId, user_id: userId })),
        ),
        eventId,
        FRESH_DELIVERY_GRACE_MS,
      );
      return stored.map((row) => row.id);
    });
  }
}
