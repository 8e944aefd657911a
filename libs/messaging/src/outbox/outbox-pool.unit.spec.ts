import { Pool } from 'pg';
import { createOutboxPool } from './outbox-pool';

const UNREACHABLE = 'postgresql://nobody@127.0.0.1:1/none';
const RESTART = new Error('terminating connection due to administrator command');

describe('the outbox relay pool', () => {
  it('takes an idle connection closed by a PostgreSQL restart as a warning, not a crash', async () => {
    const warnings: string[] = [];
    const pool = createOutboxPool(UNREACHABLE, { warn: (message) => warnings.push(message) });
    expect(() => pool.emit('error', RESTART)).not.toThrow();
    expect(warnings).toEqual([
      'an idle database connection was closed: terminating connection due to administrator command',
    ]);
    await pool.end();
  });

  it('is needed: a bare pg pool throws the same event, which exits the process', async () => {
    const pool = new Pool({ connectionString: UNREACHABLE });
    expect(() => pool.emit('error', RESTART)).toThrow(/terminating connection/);
    await pool.end();
  });
});
