import { EventEmitter } from 'node:events';
import { Pool } from 'pg';
import { watchPoolErrors } from './pool-errors';

const UNREACHABLE = 'postgresql://nobody@127.0.0.1:1/none';
const RESTART = new Error('terminating connection due to administrator command');

function watchedPool(): { pool: Pool; warnings: string[] } {
  const warnings: string[] = [];
  const pool = watchPoolErrors(new Pool({ connectionString: UNREACHABLE }), {
    warn: (message) => warnings.push(message),
  });
  return { pool, warnings };
}

describe('a watched pg pool', () => {
  it('takes an idle connection closed by a PostgreSQL restart as a warning, not a crash', async () => {
    const { pool, warnings } = watchedPool();
    expect(() => pool.emit('error', RESTART)).not.toThrow();
    expect(warnings).toEqual([
      'an idle database connection was closed: terminating connection due to administrator command',
    ]);
    await pool.end();
  });

  it('does the same for a connection lent out when it breaks', async () => {
    const { pool, warnings } = watchedPool();
    const client = new EventEmitter();
    pool.emit('connect', client);
    expect(() => client.emit('error', RESTART)).not.toThrow();
    expect(warnings).toEqual([
      'a database connection in use was closed: terminating connection due to administrator command',
    ]);
    await pool.end();
  });

  it('is needed: a bare pg pool throws the same event, which exits the process', async () => {
    const pool = new Pool({ connectionString: UNREACHABLE });
    expect(() => pool.emit('error', RESTART)).toThrow(/terminating connection/);
    await pool.end();
  });
});
