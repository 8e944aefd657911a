import { type RawSqlClient } from '@kafka-commerce/messaging';
import { FRESH_DELIVERY_GRACE_MS } from '../domain/delivery-schedule';
import { type NotificationDraft } from '../domain/notification';

export interface CausedNotification {
  readonly eventId: string;
  readonly draft: NotificationDraft;
}

/*
 * One statement for any number of rows: the JSON array of `notificationRecords` in the
 * parameter `placeholder`. A row that already exists for the same business fact and channel
 * (fact_key, channel) is skipped — as is one for the same (event, channel, template) — so a
 * notification is stored once whatever happens upstream: a redelivered event, or a copy of
 * it under a fresh event id. `attempts` and `nextAttemptAt` are SQL: who may send the row
 * first, and from when (see insertNotifications and SqlNotificationLog).
 */
export function insertNotificationsSql(
  placeholder: string,
  attempts: string,
  nextAttemptAt: string,
  /**
   * A CTE joined to the rows on `event_id`: only the rows of the events it yields are stored
   * (see inboxClaimCte).
   */
  gate?: string,
): string {
  return `
  INSERT INTO notifications
    (id, channel, template, recipient, user_id, order_id, subject, body, event_id, fact_key,
     attempts, next_attempt_at)
  SELECT gen_random_uuid(), r.channel::notification_channel, r.template, r.recipient,
         r.user_id::uuid, r.order_id::uuid, r.subject, r.body, r.event_id::uuid, r.fact_key,
         ${attempts}, ${nextAttemptAt}
  FROM jsonb_to_recordset(${placeholder}::jsonb) AS r(
    channel text, template text, recipient text, user_id text, order_id text,
    subject text, body text, event_id text, fact_key text)
  ${gate ? `JOIN ${gate} ON ${gate}.event_id = r.event_id::uuid` : ''}
  ON CONFLICT DO NOTHING`;
}

// Due only after the grace period: until then the rows belong to the instance that stored
// them, which claims and sends them right after its commit (DeliveryQueue.claimNew).
const INSERT_SQL = `${insertNotificationsSql('$1', '0', "now() + $2::int * interval '1 millisecond'")}
  RETURNING id::text AS id`;

/** The rows as the JSON parameter of `insertNotificationsSql`. */
export function notificationRecords(rows: readonly CausedNotification[]): string {
  return JSON.stringify(
    rows.map(({ eventId, draft }) => ({
      channel: draft.channel,
      template: draft.template,
      recipient: draft.recipient,
      user_id: draft.userId,
      order_id: draft.orderId,
      subject: draft.subject,
      body: draft.body,
      event_id: eventId,
      fact_key: draft.factKey ?? `event:${eventId}:${draft.template}`,
    })),
  );
}

/**
 * Stores notifications as PENDING inside the caller's transaction; returns the new rows' ids.
 * Shared by every consumer of this service (contacts write welcome mail with it too).
 */
export async function insertNotifications(
  tx: RawSqlClient<unknown>,
  rows: readonly CausedNotification[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await tx.$queryRawUnsafe<{ id: string }[]>(
    INSERT_SQL,
    notificationRecords(rows),
    FRESH_DELIVERY_GRACE_MS,
  );
  return inserted.map((row) => row.id);
}
