import { Inbox, Outbox } from '@kafka-commerce/messaging';
import { type WindowTransaction, type WindowWrite } from '../application/window-store';
import { type OpenWindow } from '../domain/temperature-window';
import { type Prisma } from '../../generated/prisma/client';

interface OpenWindowRow {
  sensorId: string;
  count: number;
  sum: number;
  min: number;
  max: number;
  windowStart: Date;
  windowEnd: Date;
  openedAt: Date;
  lastEventId: string;
  lastCorrelationId: string;
}

const OPEN_WINDOW_COLUMNS = `
  sensor_id AS "sensorId", count, sum, min, max, window_start AS "windowStart",
  window_end AS "windowEnd", opened_at AS "openedAt", last_event_id::text AS "lastEventId",
  last_correlation_id AS "lastCorrelationId"`;

// ORDER BY before FOR UPDATE: rows are locked in sensor order, the order every batch uses.
const LOCK_OPEN_SQL = `
  SELECT ${OPEN_WINDOW_COLUMNS} FROM open_sensor_windows
  WHERE sensor_id = ANY($1::text[]) ORDER BY sensor_id FOR UPDATE`;

const LOCK_EXPIRED_SQL = `
  SELECT ${OPEN_WINDOW_COLUMNS} FROM open_sensor_windows
  WHERE opened_at <= now() - $1::integer * interval '1 millisecond'
  ORDER BY opened_at LIMIT $2 FOR UPDATE SKIP LOCKED`;

const UPSERT_OPEN_SQL = `
  INSERT INTO open_sensor_windows AS w (sensor_id, count, sum, min, max, window_start,
    window_end, opened_at, last_event_id, last_correlation_id)
  SELECT r."sensorId", r.count, r.sum, r.min, r.max, r."windowStart", r."windowEnd",
    r."openedAt", r."lastEventId"::uuid, r."lastCorrelationId"
  FROM jsonb_to_recordset($1::jsonb) AS r("sensorId" text, count integer,
    sum double precision, min double precision, max double precision,
    "windowStart" timestamptz, "windowEnd" timestamptz, "openedAt" timestamptz,
    "lastEventId" text, "lastCorrelationId" text)
  ORDER BY r."sensorId"
  ON CONFLICT (sensor_id) DO UPDATE SET count = EXCLUDED.count, sum = EXCLUDED.sum,
    min = EXCLUDED.min, max = EXCLUDED.max, window_start = EXCLUDED.window_start,
    window_end = EXCLUDED.window_end, opened_at = EXCLUDED.opened_at,
    last_event_id = EXCLUDED.last_event_id, last_correlation_id = EXCLUDED.last_correlation_id`;

const DELETE_OPEN_SQL = `DELETE FROM open_sensor_windows WHERE sensor_id = ANY($1::text[])`;

const INSERT_CLOSED_SQL = `
  INSERT INTO sensor_windows (sensor_id, window_start, window_end, count, avg, min, max,
    closed_at, closed_by)
  SELECT r."sensorId", r."windowStart", r."windowEnd", r.count, r.avg, r.min, r.max,
    r."closedAt", r."closedBy"::window_close_reason
  FROM jsonb_to_recordset($1::jsonb) AS r("sensorId" text,
    "windowStart" timestamptz, "windowEnd" timestamptz, count integer,
    avg double precision, min double precision, max double precision,
    "closedAt" timestamptz, "closedBy" text, position integer)
  ORDER BY r.position`;

const INSERT_ALERTS_SQL = `
  INSERT INTO sensor_alerts (id, sensor_id, window_start, window_end, count, average,
    threshold, raised_at)
  SELECT r.id::uuid, r."sensorId", r."windowStart", r."windowEnd", r.count, r.average,
    r.threshold, r."raisedAt"
  FROM jsonb_to_recordset($1::jsonb) AS r(id text, "sensorId" text,
    "windowStart" timestamptz, "windowEnd" timestamptz, count integer,
    average double precision, threshold double precision, "raisedAt" timestamptz)`;

/** The window store's operations inside one Prisma interactive transaction. */
export class PrismaWindowTransaction implements WindowTransaction {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
  ) {}

  claim(consumer: string, eventIds: readonly string[]): Promise<ReadonlySet<string>> {
    return this.inbox.claim(this.tx, consumer, eventIds);
  }

  async now(): Promise<Date> {
    // now() is the transaction's start: the same instant for every statement in it.
    const [row] = await this.tx.$queryRawUnsafe<{ now: Date }[]>('SELECT now() AS now');
    if (!row) throw new Error('SELECT now() returned no row');
    return row.now;
  }

  async lockOpenWindows(sensorIds: readonly string[]): Promise<Map<string, OpenWindow>> {
    if (sensorIds.length === 0) return new Map();
    const rows = await this.tx.$queryRawUnsafe<OpenWindowRow[]>(LOCK_OPEN_SQL, sensorIds);
    return new Map(rows.map((row) => [row.sensorId, row]));
  }

  lockExpiredWindows(maxAgeMs: number, limit: number): Promise<OpenWindow[]> {
    return this.tx.$queryRawUnsafe<OpenWindowRow[]>(LOCK_EXPIRED_SQL, maxAgeMs, limit);
  }

  async save({ open, removed, closed, alerts }: WindowWrite): Promise<void> {
    if (removed.length > 0) await this.tx.$executeRawUnsafe(DELETE_OPEN_SQL, removed);
    if (open.length > 0) await this.tx.$executeRawUnsafe(UPSERT_OPEN_SQL, JSON.stringify(open));
    if (closed.length > 0) {
      // Ids in closing order: a sensor's windows are listed by id.
      const rows = closed.map((window, position) => ({ ...window, position }));
      await this.tx.$executeRawUnsafe(INSERT_CLOSED_SQL, JSON.stringify(rows));
    }
    if (alerts.length > 0) {
      const rows = alerts.map(({ alert, event }) => ({
        ...alert,
        id: event.envelope.eventId,
        raisedAt: event.envelope.payload.raisedAt,
      }));
      await this.tx.$executeRawUnsafe(INSERT_ALERTS_SQL, JSON.stringify(rows));
      await this.outbox.append(
        this.tx,
        alerts.map((raised) => raised.event),
      );
    }
  }
}
