import { Injectable } from '@nestjs/common';
import { Inbox, Outbox } from '@kafka-commerce/messaging';
import { InventoryDatabase } from '../../database';
import { type Prisma } from '../../generated/prisma/client';
import { countersOf, lockProducts } from '../../products/infrastructure/product-record';
import {
  type InboxClaim,
  type LedgerChanges,
  type LedgerState,
  StockLedger,
} from '../application/ports/stock-ledger';
import { type Reservation } from '../domain/reservation';

// Many orders for one product queue on its row lock: give them time rather than fail.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

@Injectable()
export class PrismaStockLedger extends StockLedger {
  constructor(
    private readonly db: InventoryDatabase,
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  applyOnce(
    claim: InboxClaim,
    orderId: string,
    productIds: readonly string[],
    decide: (state: LedgerState) => LedgerChanges,
  ): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      if (!(await this.inbox.claimOne(tx, claim.consumer, claim.eventId))) return false;
      // Reservation first, then products: the same lock order in every transaction.
      const reservation = await lockReservation(tx, orderId);
      const lines = reservation?.lines.map((line) => line.productId) ?? [];
      const products = await lockProducts(tx, [...productIds, ...lines]);
      const changes = decide({
        reservation,
        products: new Map(products.map((product) => [product.id, product])),
      });
      await store(tx, reservation, changes);
      if (changes.events?.length) await this.outbox.append(tx, changes.events);
      return true;
    }, TRANSACTION_OPTIONS);
  }
}

async function lockReservation(
  tx: Prisma.TransactionClient,
  orderId: string,
): Promise<Reservation | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM reservations WHERE order_id = ${orderId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  const record = await tx.reservation.findUniqueOrThrow({
    where: { orderId },
    include: { lines: { orderBy: { productId: 'asc' } } },
  });
  return {
    id: record.id,
    orderId: record.orderId,
    status: record.status,
    lines: record.lines.map(({ productId, quantity }) => ({ productId, quantity })),
  };
}

async function store(
  tx: Prisma.TransactionClient,
  existing: Reservation | null,
  changes: LedgerChanges,
): Promise<void> {
  const { reservation } = changes;
  if (reservation && existing) {
    await tx.reservation.update({
      where: { id: existing.id },
      data: { status: reservation.status },
    });
  } else if (reservation) {
    await tx.reservation.create({
      data: {
        id: reservation.id,
        orderId: reservation.orderId,
        status: reservation.status,
        // A decision that holds nothing (REJECTED, or RELEASED before any reservation) has no lines.
        ...(reservation.lines.length > 0
          ? { lines: { createMany: { data: [...reservation.lines] } } }
          : {}),
      },
    });
  }
  for (const product of changes.products ?? []) {
    await tx.product.update({ where: { id: product.id }, data: countersOf(product) });
  }
}
