import { Injectable } from '@nestjs/common';
import { type RawSqlClient } from '../raw-sql-client';
import { MessagingMetrics } from '../metrics/messaging-metrics';

const CLAIM_SQL = `
  INSERT INTO processed_events (consumer, event_id)
  SELECT $1, id::uuid FROM jsonb_array_elements_text($2::jsonb) AS id
  ON CONFLICT DO NOTHING
  RETURNING event_id::text AS "eventId"`;

/** A consumed event, applied at most once per consumer (the inbox's key). */
export interface InboxClaim {
  /** `<service>.<topic>`, from the transport (`KafkaEventContext.getConsumer()`). */
  readonly consumer: string;
  readonly eventId: string;
}

/**
 * The idempotent-consumer record. A handler claims the events it is about to apply inside
 * its own transaction; only the newly claimed ones may take effect. A redelivered event was
 * claimed before, so it is skipped — and if the transaction rolls back, so does the claim.
 */
@Injectable()
export class Inbox {
  constructor(private readonly metrics: MessagingMetrics) {}

  /** Claims the events for this consumer; returns the ids not handled before (one statement). */
  async claim(
    client: RawSqlClient<unknown>,
    consumer: string,
    eventIds: readonly string[],
  ): Promise<Set<string>> {
    if (eventIds.length === 0) return new Set();
    const rows = await client.$queryRawUnsafe<{ eventId: string }[]>(
      CLAIM_SQL,
      consumer,
      JSON.stringify(eventIds),
    );
    const claimed = new Set(rows.map((row) => row.eventId));
    const duplicates = new Set(eventIds).size - claimed.size;
    if (duplicates > 0) this.metrics.duplicates.inc({ consumer }, duplicates);
    return claimed;
  }

  /** Claims one event; false when it was already handled. */
  async claimOne(
    client: RawSqlClient<unknown>,
    { consumer, eventId }: InboxClaim,
  ): Promise<boolean> {
    return (await this.claim(client, consumer, [eventId])).has(eventId);
  }
}
