import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Client } from 'pg';
import { withDatabase } from '../postgres/database-url';
import { applyMigrations, dropThrowawayDatabase, ensureDatabase } from '../postgres/migrate';
import { REPO_ROOT } from '../stack/profile';
import { archiveReadings, type ArchiveOptions } from './archive';

// pnpm sensors:archive against a real PostgreSQL holding analytics-service's schema.

const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
// The name says it is a test database, so nothing but a test ever drops it.
const DATABASE = `kc_analytics_archive_${randomUUID().slice(0, 8)}_test`;
const DATABASE_URL = withDatabase(POSTGRES_URL, DATABASE);

let db: Client;
let outDir: string;
const lines: string[] = [];

function archive(before: string, extra: Partial<ArchiveOptions> = {}) {
  return archiveReadings({
    databaseUrl: DATABASE_URL,
    before,
    outDir,
    log: (line) => lines.push(line),
    ...extra,
  });
}

/** Readings at these instants (°C, unit C unless told), stored as the stream stores them. */
async function store(
  ...readings: [sensorId: string, at: string, temperature: number, unit?: string][]
) {
  for (const [sensorId, at, temperature, unit = 'C'] of readings) {
    await db.query(
      `INSERT INTO sensor_readings (sensor_id, taken_at, day, temperature, unit)
       VALUES ($1, $2, ($2::timestamptz AT TIME ZONE 'UTC')::date, $3, $4)`,
      [sensorId, at, temperature, unit],
    );
  }
}

async function remaining(): Promise<string[]> {
  const { rows } = await db.query<{ at: Date }>(
    'SELECT taken_at AS at FROM sensor_readings ORDER BY taken_at',
  );
  return rows.map((row) => row.at.toISOString());
}

async function readArchive(file: string): Promise<unknown[]> {
  const gzipped = new Uint8Array(await readFile(path.join(outDir, file)));
  const text = gunzipSync(gzipped).toString('utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);
}

beforeAll(async () => {
  await ensureDatabase(POSTGRES_URL, DATABASE);
  await applyMigrations(DATABASE_URL, path.join(REPO_ROOT, 'prisma', 'analytics', 'migrations'));
  db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
});

beforeEach(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'sensor-archive-'));
  lines.length = 0;
  await db.query('TRUNCATE sensor_readings, sensor_reading_archives');
});

afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});

afterAll(async () => {
  await db.end();
  await dropThrowawayDatabase(POSTGRES_URL, DATABASE);
});

describe('pnpm sensors:archive (real PostgreSQL)', () => {
  it('writes each day before the cut-off to its own gzip NDJSON file and deletes it, keeping the rest', async () => {
    await store(
      ['b', '2026-11-20T23:59:59.999Z', 21.5],
      ['a', '2026-11-20T08:00:00.000Z', 100, 'F'],
      ['a', '2026-11-20T08:00:01.000Z', -3.25],
      ['a', '2026-11-21T00:30:00.000+01:00', 19], // still the 20th in UTC
      ['a', '2026-11-21T12:00:00.000Z', 20],
      ['a', '2026-11-22T00:00:00.000Z', 22],
    );

    const report = await archive('2026-11-22');

    expect(report.days.map(({ day, readings, file }) => [day, readings, file])).toEqual([
      ['2026-11-20', 4, 'sensor-readings-2026-11-20.ndjson.gz'],
      ['2026-11-21', 1, 'sensor-readings-2026-11-21.ndjson.gz'],
    ]);
    expect(await readArchive('sensor-readings-2026-11-20.ndjson.gz')).toEqual([
      { sensorId: 'a', timestamp: '2026-11-20T08:00:00.000Z', temperature: 100, reportedUnit: 'F' },
      {
        sensorId: 'a',
        timestamp: '2026-11-20T08:00:01.000Z',
        temperature: -3.25,
        reportedUnit: 'C',
      },
      { sensorId: 'a', timestamp: '2026-11-20T23:30:00.000Z', temperature: 19, reportedUnit: 'C' },
      {
        sensorId: 'b',
        timestamp: '2026-11-20T23:59:59.999Z',
        temperature: 21.5,
        reportedUnit: 'C',
      },
    ]);
    expect(await remaining()).toEqual(['2026-11-22T00:00:00.000Z']);
    const { rows } = await db.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, file, readings FROM sensor_reading_archives ORDER BY day`,
    );
    expect(rows).toEqual([
      { day: '2026-11-20', file: 'sensor-readings-2026-11-20.ndjson.gz', readings: 4 },
      { day: '2026-11-21', file: 'sensor-readings-2026-11-21.ndjson.gz', readings: 1 },
    ]);
    expect(lines.at(-1)).toBe(`archived 5 readings of 2 day(s) before 2026-11-22 to ${outDir}`);
  });

  it('does nothing the second time, and gives a day that filled up again a second file', async () => {
    await store(['a', '2026-11-20T08:00:00.000Z', 20]);
    await archive('2026-11-21');
    const first = await readFile(path.join(outDir, 'sensor-readings-2026-11-20.ndjson.gz'));

    expect((await archive('2026-11-21')).days).toEqual([]);
    expect(lines.at(-1)).toBe('nothing to archive before 2026-11-21');

    await store(['a', '2026-11-20T09:00:00.000Z', 21]); // a late reading of an archived day
    const again = await archive('2026-11-21');
    expect(again.days.map((day) => day.file)).toEqual(['sensor-readings-2026-11-20.2.ndjson.gz']);
    expect(await readFile(path.join(outDir, 'sensor-readings-2026-11-20.ndjson.gz'))).toEqual(
      first,
    );
    expect(await readArchive('sensor-readings-2026-11-20.2.ndjson.gz')).toEqual([
      expect.objectContaining({ timestamp: '2026-11-20T09:00:00.000Z', temperature: 21 }),
    ]);
  });

  it('keeps a reading of the day committed while the day is being written, for the next run', async () => {
    await store(['a', '2026-11-20T08:00:00.000Z', 20]);
    await archive('2026-11-21', {
      afterWrite: () => store(['a', '2026-11-20T08:00:05.000Z', 25]),
    });
    expect(await remaining()).toEqual(['2026-11-20T08:00:05.000Z']);
    expect(await readArchive('sensor-readings-2026-11-20.ndjson.gz')).toHaveLength(1);
  });

  it('settles what an interrupted run left: keeps the committed file, deletes the other', async () => {
    await store(['a', '2026-11-20T08:00:00.000Z', 20]);
    // Crashed before committing: the file is there, its rows too.
    await writeFile(path.join(outDir, 'sensor-readings-2026-11-20.ndjson.gz.partial'), 'half');
    // Crashed after committing, before renaming.
    await db.query(
      `INSERT INTO sensor_reading_archives (day, file, readings)
       VALUES ('2026-11-19', 'sensor-readings-2026-11-19.ndjson.gz', 1)`,
    );
    await writeFile(path.join(outDir, 'sensor-readings-2026-11-19.ndjson.gz.partial'), 'whole');

    const report = await archive('2026-11-21');

    expect(report.recovered).toEqual(['sensor-readings-2026-11-19.ndjson.gz']);
    expect(report.discarded).toEqual(['sensor-readings-2026-11-20.ndjson.gz.partial']);
    expect((await readdir(outDir)).sort()).toEqual([
      'sensor-readings-2026-11-19.ndjson.gz',
      'sensor-readings-2026-11-20.ndjson.gz',
    ]);
    expect(await readArchive('sensor-readings-2026-11-20.ndjson.gz')).toHaveLength(1);
  });

  it('rolls a day back, file and all, when writing it fails', async () => {
    await store(['a', '2026-11-20T08:00:00.000Z', 20]);
    await expect(
      archive('2026-11-21', { afterWrite: () => Promise.reject(new Error('disk full')) }),
    ).rejects.toThrow('disk full');
    expect(await remaining()).toEqual(['2026-11-20T08:00:00.000Z']);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('refuses a cut-off that is not a day', async () => {
    await expect(archive('2026-02-30')).rejects.toThrow('YYYY-MM-DD');
  });
});
