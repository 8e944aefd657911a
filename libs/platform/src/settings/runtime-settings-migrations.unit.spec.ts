import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RUNTIME_SETTINGS_TABLES_SQL } from './runtime-settings.sql';

const PRISMA_DIR = path.resolve(__dirname, '../../../../prisma');
const HEADER = '-- libs/platform: RUNTIME_SETTINGS_TABLES_SQL';

/** Each service database's migrations that create the runtime settings tables. */
function settingsMigrations(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const schema of readdirSync(PRISMA_DIR)) {
    const dir = path.join(PRISMA_DIR, schema, 'migrations');
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    const matching = names.filter((name) => name.endsWith('_runtime_settings'));
    if (matching.length > 0)
      found.set(
        schema,
        matching.map((name) => path.join(dir, name)),
      );
  }
  return found;
}

// Each database carries its own frozen copy of the tables; this keeps the copies identical to
// what the library's store (and its integration test) expect.
describe('runtime settings migrations', () => {
  const migrations = settingsMigrations();

  it('exist for every service with runtime settings', () => {
    expect([...migrations.keys()]).toEqual(expect.arrayContaining(['analytics', 'payment']));
  });

  it.each([...migrations])('%s: once, exactly as the library defines them', (_schema, dirs) => {
    expect(dirs).toHaveLength(1);
    const sql = readFileSync(path.join(dirs[0] ?? '', 'migration.sql'), 'utf8');
    expect(sql).toBe(`${HEADER}${RUNTIME_SETTINGS_TABLES_SQL}`);
  });
});
