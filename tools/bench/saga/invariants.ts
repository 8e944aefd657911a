import { setTimeout as sleep } from 'node:timers/promises';
import { withClient } from '../database';
import { integer } from '../report';
import { type StackDatabases } from './stack-databases';

/**
 * design.md §8 over the orders of the run, read from each owning service's database once the
 * stack is quiet: every order settled and confirmed, stock conserved and none left reserved,
 * one charge per confirmed order, one confirmation email sent per confirmed order.
 * Returns what held; throws naming what did not.
 */
export async function checkInvariants(
  databases: StackDatabases,
  productId: string,
  orderIds: readonly string[],
): Promise<string[]> {
  const confirmed = await countConfirmed(databases.order, orderIds);
  expect(confirmed === orderIds.length, `${confirmed} of ${orderIds.length} orders CONFIRMED`);
  const stock = await withClient(databases.inventory, async (client) => {
    const { rows } = await client.query<{ conserved: boolean; reserved: number; sold: number }>(
      `SELECT stock + sold = initial_stock + restocked AND stock >= 0 AS conserved, reserved, sold
       FROM products WHERE id = $1`,
      [productId],
    );
    return rows[0];
  });
  expect(
    stock?.conserved === true && stock.reserved === 0 && stock.sold === confirmed,
    `stock conserved with ${confirmed} sold and none reserved (found ${JSON.stringify(stock)})`,
  );
  const charges = await countRows(
    databases.payment,
    `SELECT count(*)::int AS n FROM payments WHERE order_id = ANY($1::uuid[]) AND status = 'SUCCEEDED'`,
    orderIds,
  );
  expect(charges === confirmed, `${charges} charges for ${confirmed} confirmed orders`);
  const emails = await awaitEmails(databases.notification, orderIds, confirmed);
  expect(
    emails.sent === confirmed && emails.rows === confirmed,
    `${emails.sent} confirmation emails sent (${emails.rows} stored) for ${confirmed} confirmed orders`,
  );
  return [
    `saga: all ${integer(orderIds.length)} orders CONFIRMED`,
    `saga: stock conserved (stock + sold = initial + restocked), ${integer(confirmed)} sold, 0 reserved`,
    'saga: one SUCCEEDED charge per confirmed order',
    'saga: one confirmation email sent per confirmed order',
  ];
}

function expect(condition: boolean, what: string): void {
  if (!condition) throw new Error(`saga invariant broken: ${what}`);
}

function countConfirmed(orderUrl: string, orderIds: readonly string[]): Promise<number> {
  return countRows(
    orderUrl,
    `SELECT count(*)::int AS n FROM orders WHERE id = ANY($1::uuid[]) AND status = 'CONFIRMED'`,
    orderIds,
  );
}

/** Emails are sent after the notification's transaction commits: await them (bounded). */
async function awaitEmails(
  notificationUrl: string,
  orderIds: readonly string[],
  expected: number,
): Promise<{ readonly sent: number; readonly rows: number }> {
  const count = (status: string) =>
    countRows(
      notificationUrl,
      `SELECT count(*)::int AS n FROM notifications
       WHERE template = 'order-confirmed' AND order_id = ANY($1::uuid[]) ${status}`,
      orderIds,
    );
  const deadline = Date.now() + 60_000;
  let sent = await count("AND status = 'SENT'");
  while (sent < expected && Date.now() < deadline) {
    await sleep(200);
    sent = await count("AND status = 'SENT'");
  }
  // Rows of any status: a second one for an order would be a duplicate.
  return { sent, rows: await count('') };
}

async function countRows(url: string, sql: string, ids: readonly string[]): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(sql, [ids]);
    return rows[0]?.n ?? 0;
  });
}
