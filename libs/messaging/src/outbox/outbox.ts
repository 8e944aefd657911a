import { Injectable } from '@nestjs/common';
import {
  describeUnsafeText,
  EVENT_HEADERS,
  findUnsafeText,
  type OutgoingEvent,
} from '@kafka-commerce/events';
import { type RawSqlClient } from '../raw-sql-client';
import { withTraceContext } from '../tracing/message-tracing';

/** A SQL template tag: Prisma's `Prisma.sql`, or one that renders text (see outboxInsertSql). */
export type SqlTag<TSql> = (strings: TemplateStringsArray, ...values: unknown[]) => TSql;

/**
 * One statement for any number of events: a JSON array (`Outbox.rowsOf`) in, rows out in
 * array order. Built with the caller's SQL tag, so a repository can make it one part of a
 * single statement that also writes the state change (a CTE), saving a round trip. Include
 * it only when there are events: the table's wake-up trigger fires per statement.
 */
export function outboxInsert<TSql>(sql: SqlTag<TSql>, rows: string): TSql {
  return sql`
  INSERT INTO outbox_events (event_id, topic, message_key, headers, value)
  SELECT (doc->>'eventId')::uuid, doc->>'topic', doc->>'key', doc->'headers', doc->>'value'
  FROM jsonb_array_elements(${rows}::jsonb) WITH ORDINALITY AS e(doc, position)
  ORDER BY position`;
}

/**
 * The opening of a statement's WITH list that also appends the events — `events AS (…),` —
 * or nothing when there are none (rows null).
 */
export function outboxCte<TSql>(sql: SqlTag<TSql>, rows: string | null): TSql {
  return rows === null ? sql`` : sql`events AS (${outboxInsert(sql, rows)}),`;
}

/** The same statement as text, its rows in the positional parameter `placeholder` (e.g. `$1`). */
export function outboxInsertSql(placeholder: string): string {
  return outboxInsert((strings) => strings.join(placeholder), '');
}

const APPEND_SQL = outboxInsertSql('$1');

/**
 * Appends events to the transactional outbox. Call it with the transaction (or batch) that
 * makes the state change, so the change and its events commit together or not at all; the
 * relay publishes them afterwards.
 */
@Injectable()
export class Outbox {
  /**
   * Returns the client's own statement promise, so it can join an interactive transaction
   * (`await outbox.append(tx, events)`) or a batch (`$transaction([change, outbox.append(db, events)])`).
   * Throws, before any SQL, for an event holding text PostgreSQL cannot store (a NUL or an
   * unpaired UTF-16 surrogate): jsonb would refuse the row, and consumers could not store it.
   */
  append<TExecute>(client: RawSqlClient<TExecute>, events: readonly OutgoingEvent[]): TExecute {
    return client.$executeRawUnsafe(APPEND_SQL, this.rowsOf(events));
  }

  /** The events as the JSON parameter of `outboxInsertSql`, checked like `append` checks them. */
  rowsOf(events: readonly OutgoingEvent[]): string {
    events.forEach(refuseUnsafeText);
    return JSON.stringify(events.map(toOutboxRow));
  }
}

function refuseUnsafeText({ key, envelope }: OutgoingEvent): void {
  const unsafe = [...findUnsafeText(key, 'key'), ...findUnsafeText(envelope)];
  if (unsafe.length === 0) return;
  const problems = unsafe.flatMap(({ path, reasons }) =>
    reasons.map((reason) => describeUnsafeText(path, reason)),
  );
  throw new Error(
    `outbox: refusing event ${envelope.type} v${envelope.version} (${envelope.eventId}): ` +
      `${problems.join('; ')}; validate text where it enters the service`,
  );
}

function toOutboxRow({ topic, key, envelope }: OutgoingEvent) {
  return {
    eventId: envelope.eventId,
    topic,
    key,
    headers: eventHeaders(envelope),
    value: JSON.stringify(envelope),
  };
}

/**
 * Routing fields mirrored as Kafka headers, so tools can route without parsing bodies, and
 * the trace context the event continues (stored with the outbox row): its causation's when
 * a batch handler appends it, else the appending use case's.
 */
export function eventHeaders(envelope: OutgoingEvent['envelope']): Record<string, string> {
  const headers: Record<string, string> = {
    [EVENT_HEADERS.eventId]: envelope.eventId,
    [EVENT_HEADERS.type]: envelope.type,
    [EVENT_HEADERS.version]: String(envelope.version),
    [EVENT_HEADERS.producer]: envelope.producer,
    [EVENT_HEADERS.correlationId]: envelope.correlationId,
  };
  if (envelope.causationId) headers[EVENT_HEADERS.causationId] = envelope.causationId;
  return withTraceContext(headers, envelope.causationId);
}
