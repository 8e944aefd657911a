import { inboxClaimCte } from '@kafka-commerce/messaging';

// The sensor stream's statements. Each takes a whole batch as a JSON recordset, so a batch
// costs the same handful of round trips whatever its size.

const OPEN_WINDOW_COLUMNS = `
  sensor_id AS "sensorId", count, sum, min, max, window_start AS "windowStart",
  window_end AS "windowEnd", opened_at AS "openedAt", last_event_id::text AS "lastEventId",
  last_correlation_id AS "lastCorrelationId"`;

/**
 * The inbox claim and the cleaning stage's writes in one statement: claims every event ($3),
 * and of the newly claimed ones stores the clean readings whose (sensor, timestamp) is not
 * stored yet, and the rejected ones ($2). Returns only the readings not stored as clean, with
 * why (redelivered, rejected, duplicate): in the usual batch, no row at all.
 *
 * Clean readings are checked with NOT EXISTS rather than ON CONFLICT, which costs PostgreSQL
 * about twice the CPU per row (speculative insertion). The batch holds each key once (the
 * cleaning stage drops copies); the only race left, another transaction inserting the same
 * reading at the same moment, ends in a unique violation, and the batch is retried.
 *
 * It also makes sure each sensor has its sensor_states row: LOCK_SENSORS_SQL then always has
 * a row to lock, so two batches of a new sensor cannot both start from an empty state (the
 * second one's insert waits for the first one's commit).
 */
export const ADMIT_READINGS_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(p integer, k text, e text, s text,
      t timestamptz, v double precision, u text, reason text)
  ),
  ${inboxClaimCte('claimed', '$1', '$3')},
  fresh AS (
    SELECT input.*, k = 'clean' AND EXISTS (
        SELECT 1 FROM sensor_readings known WHERE known.sensor_id = s AND known.taken_at = t
      ) AS known
    FROM input JOIN claimed ON claimed.event_id = input.e::uuid
  ),
  stored AS (
    INSERT INTO sensor_readings (sensor_id, taken_at, day, temperature, unit)
    SELECT s, t, (t AT TIME ZONE 'UTC')::date, v, u::temperature_unit FROM fresh
    WHERE k = 'clean' AND NOT known
  ),
  rejected AS (
    INSERT INTO rejected_readings (sensor_id, taken_at, raw_value, unit, reason)
    SELECT s, t, v, u::temperature_unit, reason FROM fresh WHERE k = 'rejected'
    ON CONFLICT DO NOTHING
    RETURNING sensor_id, taken_at
  ),
  ensured AS (
    INSERT INTO sensor_states (sensor_id)
    SELECT DISTINCT s FROM fresh WHERE k = 'clean' ORDER BY s
    ON CONFLICT DO NOTHING
  )
  SELECT p AS position, 'redelivered' AS outcome FROM input
  WHERE NOT EXISTS (SELECT 1 FROM claimed WHERE claimed.event_id = input.e::uuid)
  UNION ALL
  SELECT p, 'duplicate' FROM fresh WHERE known OR k = 'duplicate'
  UNION ALL
  SELECT fresh.p, CASE WHEN rejected.sensor_id IS NULL THEN 'duplicate' ELSE 'rejected' END
  FROM fresh LEFT JOIN rejected
    ON rejected.sensor_id = fresh.s AND rejected.taken_at = fresh.t
  WHERE fresh.k = 'rejected'`;

// ORDER BY before FOR UPDATE: rows are locked in sensor order, the order every batch uses;
// windows before states, as the sweeper (which locks windows, then bumps states) does.
export const LOCK_SENSORS_SQL = `
  WITH windows AS (
    SELECT ${OPEN_WINDOW_COLUMNS} FROM open_sensor_windows
    WHERE sensor_id = ANY($1::text[]) ORDER BY sensor_id FOR UPDATE
  ),
  states AS (
    SELECT sensor_id AS "sensorId", closed_until AS "closedUntil", detector FROM sensor_states
    WHERE sensor_id = ANY($1::text[]) ORDER BY sensor_id FOR UPDATE
  )
  SELECT now() AS now,
    (SELECT coalesce(jsonb_agg(windows), '[]'::jsonb) FROM windows) AS windows,
    (SELECT coalesce(jsonb_agg(states), '[]'::jsonb) FROM states) AS states`;

export const LOCK_EXPIRED_SQL = `
  SELECT ${OPEN_WINDOW_COLUMNS} FROM open_sensor_windows
  WHERE opened_at <= now() - $1::integer * interval '1 millisecond'
  ORDER BY opened_at LIMIT $2 FOR UPDATE SKIP LOCKED`;

export const DELETE_OPEN_SQL = `DELETE FROM open_sensor_windows WHERE sensor_id = ANY($1::text[])`;

/**
 * Open windows ($1) and sensor states ($2) in one statement. A state's closed_until only ever
 * moves forward; a null detector leaves the stored one.
 */
export const SAVE_OPEN_AND_STATES_SQL = `
  WITH states AS (
    INSERT INTO sensor_states AS s (sensor_id, closed_until, detector, updated_at)
    SELECT r."sensorId", r."closedUntil", r.detector, now()
    FROM jsonb_to_recordset($2::jsonb) AS r("sensorId" text, "closedUntil" timestamptz,
      detector jsonb)
    ORDER BY r."sensorId"
    ON CONFLICT (sensor_id) DO UPDATE SET
      closed_until = GREATEST(s.closed_until, EXCLUDED.closed_until),
      detector = COALESCE(EXCLUDED.detector, s.detector),
      updated_at = EXCLUDED.updated_at
  )
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

export const INSERT_CLOSED_SQL = `
  INSERT INTO sensor_windows (sensor_id, window_start, window_end, count, avg, min, max,
    closed_at, closed_by)
  SELECT r."sensorId", r."windowStart", r."windowEnd", r.count, r.avg, r.min, r.max,
    r."closedAt", r."closedBy"::window_close_reason
  FROM jsonb_to_recordset($1::jsonb) AS r("sensorId" text,
    "windowStart" timestamptz, "windowEnd" timestamptz, count integer,
    avg double precision, min double precision, max double precision,
    "closedAt" timestamptz, "closedBy" text, position integer)
  ORDER BY r.position`;

export const INSERT_ALERTS_SQL = `
  INSERT INTO sensor_alerts (id, sensor_id, window_start, window_end, count, average,
    threshold, raised_at)
  SELECT r.id::uuid, r."sensorId", r."windowStart", r."windowEnd", r.count, r.average,
    r.threshold, r."raisedAt"
  FROM jsonb_to_recordset($1::jsonb) AS r(id text, "sensorId" text,
    "windowStart" timestamptz, "windowEnd" timestamptz, count integer,
    average double precision, threshold double precision, "raisedAt" timestamptz)`;

export const INSERT_ANOMALIES_SQL = `
  INSERT INTO sensor_anomalies (id, sensor_id, fault, reading_at, temperature, expected, score,
    raised_at)
  SELECT r.id::uuid, r."sensorId", r.fault::sensor_fault, r."readingAt", r.temperature,
    r.expected, r.score, r."detectedAt"
  FROM jsonb_to_recordset($1::jsonb) AS r(id text, "sensorId" text, fault text,
    "readingAt" timestamptz, temperature double precision, expected double precision,
    score double precision, "detectedAt" timestamptz)`;

/** For each late reading ($1: i, sensorId, t), the latest stored window spanning it. */
export const FIND_STORED_WINDOWS_SQL = `
  SELECT r.i AS position, w.id::text AS id, w.sensor_id AS "sensorId",
    w.window_start AS "windowStart", w.window_end AS "windowEnd", w.count, w.avg, w.min, w.max
  FROM jsonb_to_recordset($1::jsonb) AS r(i integer, "sensorId" text, t timestamptz)
  CROSS JOIN LATERAL (
    SELECT * FROM sensor_windows w
    WHERE w.sensor_id = r."sensorId" AND w.window_end >= r.t AND w.window_start <= r.t
    ORDER BY w.id DESC LIMIT 1
  ) w`;

export const UPDATE_STORED_WINDOWS_SQL = `
  UPDATE sensor_windows AS w SET count = r.count, avg = r.avg, min = r.min, max = r.max
  FROM jsonb_to_recordset($1::jsonb) AS r(id bigint, count integer, avg double precision,
    min double precision, max double precision)
  WHERE w.id = r.id`;
