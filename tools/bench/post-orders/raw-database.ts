import path from 'node:path';
import { withDatabase } from '../../postgres/database-url';
import { applyMigrations, dropThrowawayDatabase, ensureDatabase } from '../../postgres/migrate';
import { databaseUrl, REPO_ROOT, type StackProfile } from '../../stack/profile';
import { SERVICES } from '../../stack/services';
import { withClient } from '../database';

/** The raw baseline's own copy of order-service's schema (its outbox has no relay). */
export const RAW_ORDERS_DATABASE = 'kc_order_raw_bench';

/**
 * Recreates the raw server's database with order-service's migrations and the product's
 * catalog row as order-service holds it; returns its URL.
 */
export async function prepareRawDatabase(
  profile: StackProfile,
  productId: string,
): Promise<string> {
  const orderService = SERVICES.find((service) => service.name === 'order-service');
  if (!orderService) throw new Error('order-service is not in the stack');
  await dropThrowawayDatabase(profile.postgresUrl, RAW_ORDERS_DATABASE);
  await ensureDatabase(profile.postgresUrl, RAW_ORDERS_DATABASE);
  const url = withDatabase(profile.postgresUrl, RAW_ORDERS_DATABASE);
  await applyMigrations(url, path.join(REPO_ROOT, 'prisma', orderService.schema, 'migrations'));
  const product = await withClient(databaseUrl(profile, orderService), async (client) => {
    const { rows } = await client.query<Record<string, unknown>>(
      'SELECT * FROM catalog_products WHERE product_id = $1',
      [productId],
    );
    return rows[0];
  });
  if (!product) throw new Error(`product ${productId} is not in order-service's catalog`);
  const columns = Object.keys(product);
  await withClient(url, (client) =>
    client.query(
      `INSERT INTO catalog_products (${columns.map((column) => `"${column}"`).join(', ')})
       VALUES (${columns.map((_, index) => `$${index + 1}`).join(', ')})`,
      Object.values(product),
    ),
  );
  return url;
}
