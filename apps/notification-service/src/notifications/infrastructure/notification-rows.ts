import { type RawSqlClient } from '@kafka-commerce/messaging';
import { FRESH_DELIVERY_GRACE_MS } from '../domain/delivery-schedule';
import { type NotificationDraft } from '../domain/notification';

export interface CausedNotification {
  readonly eventId: string;
  readonly draft: NotificationDraft;
}

/*
 * One statement for any number of rows. A row that already exists for the same business fact
 * and channel (fact_key, channel) is skipped — as is one for the same (event, channel,
 * template) — so a notification is stored once whatever happens upstream: a redelivered
 * event, or a copy of it under a fresh event id. The rows are due only after the grace
 * period: until then they belong to the instance that stored them, which sends them right
 * after its commit.
 */
const INSERT_SQL = `
  INSERT INTO notifications
    (id, channel, template, recipient, user_id, order_id, subject, body, event_id, fact_key,
     next_attempt_at)
  SELECT gen_random_uuid(), r.channel::notification_channel, r.template, r.recipient,
         r.user_id::uuid, r.order_id::uuid, r.subject, r.body, r.event_id::uuid, r.fact_key,
         now() + $2::int * interval '1 millisecond'
  FROM jsonb_to_recordset($1::jsonb) AS r(
    channel text, template text, recipient text, user_id text, order_id text,
    subject text, body text, event_id text, fact_key text)
  ON CONFLICT DO NOTHING
  RETURNING id::text AS id`;

/**
 * Stores notifications as PENDING inside the caller's transaction; returns the new rows' ids.
 * Shared by every consumer of this service (contacts write welcome mail with it too).
 */
export async function insertNotifications(
  tx: RawSqlClient<unknown>,
  rows: readonly CausedNotification[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const records = rows.map(({ eventId, draft }) => ({
    channel: draft.channel,
    template: draft.template,
    recipient: draft.recipient,
    user_id: draft.userId,
    order_id: draft.orderId,
    subject: draft.subject,
    body: draft.body,
    event_id: eventId,
    fact_key: draft.factKey ?? `event:${eventId}:${draft.template}`,
  }));
  const inserted = await tx.$queryRawUnsafe<{ id: string }[]>(
    INSERT_SQL,
    JSON.stringify(records),
    FRESH_DELIVERY_GRACE_MS,
  );
  return inserted.map((row) => row.id);
}
