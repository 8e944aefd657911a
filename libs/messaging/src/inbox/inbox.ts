import { Injectable } from '@nestjs/common';
import { type Pool } from 'pg';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { type RawSqlClient } from '../raw-sql-client';
import { type SqlStatement } from '../sql/inline-sql';
import { type Decision, transactInTwoTrips } from '../sql/two-trip-transaction';

// processed_at is the clock at the claim, not the transaction's start: applyBatch claims
// after its locking reads, so on one locked row the claims' times are the decisions' order.
const CLAIM_SQL = `
  INSERT INTO processed_events (consumer, event_id, processed_at)
  SELECT $1, id::uuid, clock_timestamp() FROM jsonb_array_elements_text($2::jsonb) AS id
  ON CONFLICT DO NOTHING
  RETURNING event_id::text AS "eventId"`;

/**
 * The claim as a common table expression `name` (`name AS (…)`), for writes that need no
 * read first and so can apply events in one statement, without a transaction: the CTE
 * yields the id (`event_id`) of each event that is new and none of those handled before,
 * so joining it on the event id gates every other write of the statement. `consumer` and
 * `eventIds` are the statement's placeholders for the consumer and a JSON array of ids.
 */
export function inboxClaimCte(name: string, consumer: string, eventIds: string): string {
  return `${name} AS (
    INSERT INTO processed_events (consumer, event_id)
    SELECT ${consumer}, id::uuid FROM jsonb_array_elements_text(${eventIds}::jsonb) AS id
    ON CONFLICT DO NOTHING
    RETURNING event_id)`;
}

/** What `applyOnce` did: the decision's result, or nothing for an event handled before. */
export type Applied<T> =
  { readonly applied: true; readonly result: T } | { readonly applied: false };

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

  /**
   * Claims the events of `consumed` for this consumer and returns those not handled before,
   * in their order (the second copy of an id the batch holds twice is dropped too).
   */
  async claimNew<TEvent extends { readonly eventId: string }>(
    client: RawSqlClient<unknown>,
    consumer: string,
    consumed: readonly TEvent[],
  ): Promise<TEvent[]> {
    const claimed = await this.claim(
      client,
      consumer,
      consumed.map((event) => event.eventId),
    );
    return consumed.filter((event) => claimed.delete(event.eventId));
  }

  /**
   * Applies a batch of consumed events, each at most once, in one transaction of two round
   * trips (transactInTwoTrips): the locking `reads` for the whole batch, then the claim of
   * every event (so its time is when the batch held its locks), and `decide` runs on the
   * reads' rows. It must apply only the events for
   * which `isNew(eventId)` is true: false for an event handled before, and for the second copy
   * of an id the batch holds twice. With `consumer` null (a change that comes from a request,
   * not an event) nothing is claimed and every event is new.
   */
  async applyBatch<T>(
    pool: Pool,
    consumer: string | null,
    eventIds: readonly string[],
    reads: readonly SqlStatement[],
    decide: (isNew: (eventId: string) => boolean, rows: readonly unknown[][]) => Decision<T>,
  ): Promise<T> {
    const claims: SqlStatement[] =
      consumer === null || eventIds.length === 0
        ? []
        : [{ text: CLAIM_SQL, values: [consumer, JSON.stringify(eventIds)] }];
    return transactInTwoTrips(pool, [...reads, ...claims], (rows) => {
      if (claims.length === 0) return decide(() => true, rows);
      const claimed = rows[reads.length] as { eventId: string }[];
      const fresh = new Set(claimed.map((row) => row.eventId));
      if (consumer !== null) this.countDuplicates(consumer, new Set(eventIds).size - fresh.size);
      return decide((eventId) => fresh.delete(eventId), rows.slice(0, reads.length));
    });
  }

  /** Applies one consumed event at most once: `applyBatch` of one event. */
  async applyOnce<T>(
    pool: Pool,
    claim: InboxClaim | null,
    reads: readonly SqlStatement[],
    decide: (rows: readonly unknown[][]) => Decision<T>,
  ): Promise<Applied<T>> {
    return this.applyBatch(
      pool,
      claim?.consumer ?? null,
      claim ? [claim.eventId] : [],
      reads,
      (isNew, rows): Decision<Applied<T>> => {
        if (claim && !isNew(claim.eventId)) return { write: null, result: { applied: false } };
        const { write, result } = decide(rows);
        return { write, result: { applied: true, result } };
      },
    );
  }

  /** Counts redelivered events that an `inboxClaimCte` statement left alone. */
  countDuplicates(consumer: string, count: number): void {
    if (count > 0) this.metrics.duplicates.inc({ consumer }, count);
  }

  /** Claims one event; false when it was already handled. */
  async claimOne(
    client: RawSqlClient<unknown>,
    { consumer, eventId }: InboxClaim,
  ): Promise<boolean> {
    return (await this.claim(client, consumer, [eventId])).has(eventId);
  }
}
