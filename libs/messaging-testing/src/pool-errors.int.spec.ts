import { watchPoolErrors } from '@kafka-commerce/messaging';
import { waitFor } from '@kafka-commerce/testing';
import { Pool } from 'pg';
import { createMessagingDatabase } from './messaging-test-kit';

/**
 * A connection that PostgreSQL ends while the service holds it (a restart during a
 * transaction, or while the relay publishes a claimed batch) must not end the service.
 */
describe('a watched pool when PostgreSQL ends a connection that is lent out', () => {
  let url: string;
  let setupPool: Pool;

  beforeAll(async () => {
    ({ url, pool: setupPool } = await createMessagingDatabase('pool_errors'));
  });

  afterAll(async () => {
    await setupPool.end();
  });

  it('logs it, fails only the holder, and serves the next query on a new connection', async () => {
    const warnings: string[] = [];
    const pool = watchPoolErrors(new Pool({ connectionString: url, max: 1 }), {
      warn: (message) => warnings.push(message),
    });
    const held = await pool.connect();
    const { rows } = await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await held.query('BEGIN');

    await setupPool.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await waitFor(() => Promise.resolve(warnings.length > 0 ? true : undefined), {
      description: 'the lost connection to be reported',
    });

    expect(warnings[0]).toMatch(/^a database connection in use was closed: /);
    await expect(held.query('SELECT 1')).rejects.toThrow();
    held.release();
    const { rows: after } = await pool.query<{ one: number }>('SELECT 1 AS one');
    expect(after).toEqual([{ one: 1 }]);
    await pool.end();
  });
});
