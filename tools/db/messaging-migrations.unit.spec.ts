import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MESSAGING_TABLES_SQL } from '@kafka-commerce/messaging';
import { SERVICES } from '../stack/services';

const PRISMA_DIR = path.resolve(__dirname, '../../prisma');

// Each database carries its own frozen copy of the messaging tables; this keeps the copies
// identical to what the library (and its integration tests) expect.
describe.each(SERVICES.map((service) => service.schema))('%s database migrations', (schema) => {
  it('create the outbox and inbox exactly as libs/messaging defines them', () => {
    const migrations = readdirSync(path.join(PRISMA_DIR, schema, 'migrations'));
    const messaging = migrations.filter((name) => name.endsWith('_messaging_outbox_inbox'));
    expect(messaging).toHaveLength(1);
    const sql = readFileSync(
      path.join(PRISMA_DIR, schema, 'migrations', messaging[0] ?? '', 'migration.sql'),
      'utf8',
    );
    expect(sql).toBe(`-- libs/messaging: MESSAGING_TABLES_SQL${MESSAGING_TABLES_SQL}`);
  });
});
