import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';

/**
 * Moves the raw readings of every UTC day before `before` out of analytics-service's
 * database into one gzip-compressed NDJSON file per day, one transaction per day:
 *
 * 1. In a REPEATABLE READ transaction, the day's readings are streamed (a cursor, in
 *    batches) into `<file>.partial`, which is flushed to disk.
 * 2. The same transaction deletes exactly the rows it wrote (its snapshot: a reading of that
 *    day committed meanwhile stays for the next run), records the file in
 *    sensor_reading_archives and commits; then the file gets its final name.
 *
 * Safe to re-run and to interrupt: a run first settles what an interrupted one left — a
 * `.partial` whose file was recorded (the crash came after the commit) gets its final name,
 * any other is deleted (its rows are still in the database). A day archived before and
 * holding new rows again gets a second file (`…-<day>.2.ndjson.gz`). Windows are not touched.
 */
export interface ArchiveOptions {
  readonly databaseUrl: string;
  /** `YYYY-MM-DD`: days strictly before it are archived. */
  readonly before: string;
  readonly outDir: string;
  readonly log: (line: string) => void;
  /** Runs after a day's file is written, before its rows are deleted (tests use it). */
  readonly afterWrite?: (day: string) => Promise<void>;
}

export interface ArchivedDay {
  readonly day: string;
  readonly readings: number;
  readonly file: string;
  readonly bytes: number;
}

export interface ArchiveReport {
  readonly days: readonly ArchivedDay[];
  /** Files an interrupted run had committed, given their final name now. */
  readonly recovered: readonly string[];
  /** Files an interrupted run had not committed, deleted. */
  readonly discarded: readonly string[];
}

/** One archiver per database at a time. */
const ARCHIVE_LOCK = 727_273;
const FETCH_SIZE = 5000;
const PARTIAL = '.partial';

export async function archiveReadings(options: ArchiveOptions): Promise<ArchiveReport> {
  const { before, outDir, log } = options;
  if (!isDay(before)) throw new Error(`--before must be a day, YYYY-MM-DD (got "${before}")`);
  await mkdir(outDir, { recursive: true });
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const locked = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1) AS locked',
      [ARCHIVE_LOCK],
    );
    if (!locked.rows[0]?.locked) throw new Error('another archive run holds this database');
    const { recovered, discarded } = await settleInterruptedRuns(client, outDir, log);
    const days: ArchivedDay[] = [];
    for (
      let day = await nextDay(client, before, null);
      day;
      day = await nextDay(client, before, day)
    ) {
      const archived = await archiveDay(client, day, options);
      days.push(archived);
      log(
        `archived ${day}: ${archived.readings} readings → ${path.join(outDir, archived.file)} (${archived.bytes} bytes)`,
      );
    }
    const total = days.reduce((sum, day) => sum + day.readings, 0);
    log(
      days.length === 0
        ? `nothing to archive before ${before}`
        : `archived ${total} readings of ${days.length} day(s) before ${before} to ${outDir}`,
    );
    return { days, recovered, discarded };
  } finally {
    await client.end();
  }
}

async function settleInterruptedRuns(
  client: Client,
  outDir: string,
  log: (line: string) => void,
): Promise<{ recovered: string[]; discarded: string[] }> {
  const recovered: string[] = [];
  const discarded: string[] = [];
  for (const name of (await readdir(outDir)).filter((entry) => entry.endsWith(PARTIAL)).sort()) {
    const file = name.slice(0, -PARTIAL.length);
    const committed = await client.query('SELECT 1 FROM sensor_reading_archives WHERE file = $1', [
      file,
    ]);
    if (committed.rowCount) {
      await rename(path.join(outDir, name), path.join(outDir, file));
      recovered.push(file);
      log(`recovered ${file} (archived by an interrupted run)`);
    } else {
      await unlink(path.join(outDir, name));
      discarded.push(name);
      log(`deleted ${name} (an interrupted run; its readings are still in the database)`);
    }
  }
  return { recovered, discarded };
}

/** The earliest day with readings after `after` and before `before`, or null. */
async function nextDay(
  client: Client,
  before: string,
  after: string | null,
): Promise<string | null> {
  const result = await client.query<{ day: string | null }>(
    `SELECT to_char(min(day), 'YYYY-MM-DD') AS day FROM sensor_readings
     WHERE day < $1::date AND ($2::date IS NULL OR day > $2::date)`,
    [before, after],
  );
  return result.rows[0]?.day ?? null;
}

async function archiveDay(
  client: Client,
  day: string,
  options: ArchiveOptions,
): Promise<ArchivedDay> {
  const file = await freeFileName(client, options.outDir, day);
  const partial = path.join(options.outDir, file + PARTIAL);
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  try {
    const readings = await writeDay(client, day, partial);
    await options.afterWrite?.(day);
    const deleted = await client.query('DELETE FROM sensor_readings WHERE day = $1::date', [day]);
    if (deleted.rowCount !== readings) {
      throw new Error(`${day}: wrote ${readings} readings but would delete ${deleted.rowCount}`);
    }
    await client.query(
      'INSERT INTO sensor_reading_archives (day, file, readings) VALUES ($1::date, $2, $3)',
      [day, file, readings],
    );
    await client.query('COMMIT');
    await rename(partial, path.join(options.outDir, file));
    return { day, readings, file, bytes: (await stat(path.join(options.outDir, file))).size };
  } catch (error) {
    await client.query('ROLLBACK');
    await unlink(partial).catch(() => undefined);
    throw error;
  }
}

interface ReadingRow {
  sensor_id: string;
  taken_at: Date;
  temperature: number;
  unit: string;
}

/** Streams the day's readings, in sensor and time order, into a gzip file; flushed to disk. */
async function writeDay(client: Client, day: string, file: string): Promise<number> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  gzip.pipe(out);
  let written = 0;
  await client.query(
    `DECLARE day_readings NO SCROLL CURSOR FOR
     SELECT sensor_id, taken_at, temperature, unit::text AS unit FROM sensor_readings
     WHERE day = $1::date ORDER BY sensor_id, taken_at`,
    [day],
  );
  for (;;) {
    const { rows } = await client.query<ReadingRow>(`FETCH ${FETCH_SIZE} FROM day_readings`);
    if (rows.length === 0) break;
    const lines = rows.map((row) => JSON.stringify(toLine(row))).join('\n') + '\n';
    if (!gzip.write(lines)) await once(gzip, 'drain');
    written += rows.length;
  }
  await client.query('CLOSE day_readings');
  gzip.end();
  await finished(out);
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
  return written;
}

/** One archived reading: °C, and the unit the device reported it in. */
function toLine(row: ReadingRow) {
  return {
    sensorId: row.sensor_id,
    timestamp: row.taken_at.toISOString(),
    temperature: row.temperature,
    reportedUnit: row.unit,
  };
}

/** `sensor-readings-<day>.ndjson.gz`, or `…-<day>.<n>.ndjson.gz` if the day was archived before. */
async function freeFileName(client: Client, outDir: string, day: string): Promise<string> {
  const taken = new Set([
    ...(await readdir(outDir)),
    ...(
      await client.query<{ file: string }>(
        'SELECT file FROM sensor_reading_archives WHERE day = $1::date',
        [day],
      )
    ).rows.map((row) => row.file),
  ]);
  for (let n = 1; ; n++) {
    const file = `sensor-readings-${day}${n === 1 ? '' : `.${n}`}.ndjson.gz`;
    if (!taken.has(file) && !taken.has(file + PARTIAL)) return file;
  }
}

export function isDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
