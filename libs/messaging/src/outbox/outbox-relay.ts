import { Logger } from '@nestjs/common';
import { type Message, type TopicMessages } from 'kafkajs';
import { Client, type Pool, type QueryResult } from 'pg';
import { type EventPublisher } from '../event-publisher';
import { type MessagingMetrics } from '../metrics/messaging-metrics';
import { OUTBOX_CHANNEL } from '../messaging-tables.sql';
import { tracePublishing } from '../tracing/message-tracing';

export interface OutboxRelayOptions {
  readonly databaseUrl: string;
  /** Rows published per transaction. */
  readonly batchSize?: number;
  /** Safety-net poll when no notification arrives (e.g. the listener is reconnecting). */
  readonly pollIntervalMs?: number;
  /**
   * Longest wait between attempts while Kafka is unreachable (the producer's own retries,
   * up to 2 s apart, come on top): a relay asleep when the broker comes back delays every
   * event by what is left of its sleep.
   */
  readonly maxBackoffMs?: number;
  /** How often the lag gauges are refreshed (a count over the table: not after every batch). */
  readonly lagIntervalMs?: number;
}

interface OutboxRow {
  id: string;
  eventId: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  value: string;
}

/*
 * Takes the oldest unsent rows that no other relay holds (SKIP LOCKED), but never a row
 * whose key has an earlier unsent row outside this batch: that row is another relay's, and
 * publishing past it would reorder the key. Instances therefore share the work without
 * ever overtaking each other on one key.
 *
 * The rows are deleted in the same statement that claims them, inside a transaction that
 * commits only after Kafka acknowledged them (a failed publish rolls the delete back): with
 * BEGIN sent in the same round trip, a batch costs two round trips to PostgreSQL instead of
 * four. Each round trip is a socket write and read in the relay and the server, which is
 * what the relay's CPU went to. The batch size is a number we own, inlined because a
 * multi-statement query cannot take parameters.
 */
function claimAndDeleteSql(batchSize: number): string {
  return `BEGIN;
  WITH batch AS (
    SELECT id FROM outbox_events ORDER BY id LIMIT ${String(Math.trunc(batchSize))} FOR UPDATE SKIP LOCKED
  ), ready AS (
    SELECT o.id FROM outbox_events o
    JOIN batch ON batch.id = o.id
    WHERE NOT EXISTS (
      SELECT 1 FROM outbox_events earlier
      WHERE earlier.message_key = o.message_key AND earlier.id < o.id
        AND earlier.id NOT IN (SELECT id FROM batch)
    )
  )
  DELETE FROM outbox_events o USING ready WHERE o.id = ready.id
  RETURNING o.id::text AS id, o.event_id AS "eventId", o.topic, o.message_key AS key,
    o.headers, o.value`;
}

const LAG_SQL = `
  SELECT count(*)::int AS pending,
         COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS "oldestAgeSeconds"
  FROM outbox_events`;

/**
 * Publishes outbox rows to Kafka in id order per key with the idempotent producer
 * (acks=all), deleting them in the same transaction that locked them. A crash after the
 * publish but before the commit publishes the rows again later: delivery is at least once,
 * and consumers' inboxes make it exactly once in effect.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly lagIntervalMs: number;
  private readonly claimSql: string;
  private lagMeasuredAt = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly sleepers = new Set<() => void>();
  private listener: Client | undefined;
  /** A wake-up that found no sleeper (see sleep). */
  private wakeMissed = false;

  constructor(
    private readonly pool: Pool,
    private readonly publisher: EventPublisher,
    private readonly metrics: MessagingMetrics,
    private readonly options: OutboxRelayOptions,
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.maxBackoffMs = options.maxBackoffMs ?? 2000;
    this.lagIntervalMs = options.lagIntervalMs ?? 5000;
    this.claimSql = claimAndDeleteSql(this.batchSize);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.listen();
    this.loop = this.run();
  }

  /** Stops the loop, then publishes whatever is left (bounded by `flushTimeoutMs`). */
  async stop(flushTimeoutMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wakeUp();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    const deadline = Date.now() + flushTimeoutMs;
    try {
      while (Date.now() < deadline && (await this.publishBatch()) > 0);
    } catch (error) {
      this.logger.warn(
        { error: describe(error) },
        'outbox not fully flushed at shutdown; it is sent at next start',
      );
    }
  }

  /** Publishes one batch; returns how many rows were sent (0 when the outbox is empty). */
  async publishBatch(): Promise<number> {
    const client = await this.pool.connect();
    try {
      // Two statements, two results: BEGIN's and the claiming DELETE's.
      const results = (await client.query(this.claimSql)) as unknown as QueryResult<OutboxRow>[];
      const rows = (results[1]?.rows ?? []).sort(byId);
      if (rows.length > 0) await this.send(rows);
      await client.query('COMMIT');
      this.metrics.outboxPublished.inc(rows.length);
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Publishes the rows, each in a span that continues the trace of the use case that wrote it. */
  private async send(rows: OutboxRow[]): Promise<void> {
    const endSpans = tracePublishing(rows);
    try {
      await this.publisher.send(groupByTopic(rows));
      endSpans();
    } catch (error) {
      endSpans(error);
      throw error;
    }
  }

  async measureLag(): Promise<{ pending: number; oldestAgeSeconds: number }> {
    const { rows } = await this.pool.query<{ pending: number; oldestAgeSeconds: number }>(LAG_SQL);
    const lag = rows[0] ?? { pending: 0, oldestAgeSeconds: 0 };
    this.metrics.outboxPending.set(lag.pending);
    this.metrics.outboxOldestAge.set(lag.oldestAgeSeconds);
    return lag;
  }

  private async refreshLag(): Promise<void> {
    if (Date.now() - this.lagMeasuredAt < this.lagIntervalMs) return;
    this.lagMeasuredAt = Date.now();
    await this.measureLag();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.publishBatch();
        failures = 0;
        if (sent === this.batchSize) continue; // more is waiting
        await this.refreshLag();
        await this.sleep(this.pollIntervalMs);
      } catch (error) {
        failures++;
        const wait = Math.min(this.maxBackoffMs, 200 * 2 ** Math.min(failures, 10));
        this.logger.warn(
          { error: describe(error), failures, retryInMs: wait },
          'outbox relay cannot publish; backing off',
        );
        await this.refreshLag().catch(() => undefined);
        await this.sleep(wait);
      }
    }
  }

  /** LISTEN on a dedicated connection; reconnects with a delay, polling covers the gaps. */
  private async listen(): Promise<void> {
    while (this.running) {
      const client = new Client({ connectionString: this.options.databaseUrl });
      this.listener = client;
      try {
        const ended = new Promise<void>((resolve) => {
          client.on('error', () => {
            resolve();
          });
          client.on('end', () => {
            resolve();
          });
        });
        client.on('notification', () => {
          this.wakeUp();
        });
        await client.connect();
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        await ended;
      } catch {
        // fall through to the retry delay
      } finally {
        await client.end().catch(() => undefined);
      }
      await this.sleep(this.pollIntervalMs); // stop() wakes it
    }
  }

  /**
   * Sleeps until the timeout, a new-rows notification or stop(), whichever comes first. A
   * notification that came while the relay was busy publishing ends the next sleep at once:
   * its rows committed after the batch's claim and would otherwise wait a whole poll.
   */
  private sleep(ms: number): Promise<void> {
    if (this.wakeMissed) {
      this.wakeMissed = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  private wakeUp(): void {
    if (this.sleepers.size === 0) this.wakeMissed = true;
    for (const wake of [...this.sleepers]) wake();
  }
}

/** Outbox order (ids are bigints as text: compare as numbers). */
function byId(a: OutboxRow, b: OutboxRow): number {
  const difference = BigInt(a.id) - BigInt(b.id);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

function groupByTopic(rows: readonly OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.key, value: row.value, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
