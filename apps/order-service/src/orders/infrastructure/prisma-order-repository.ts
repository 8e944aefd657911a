import { Injectable } from '@nestjs/common';
import { type OutgoingEvent } from '@kafka-commerce/events';
import { type Decision, Inbox, Outbox, type InboxClaim } from '@kafka-commerce/messaging';
import { DatabasePool, isUniqueViolation } from '@kafka-commerce/platform';
import { OrderDatabase } from '../../database';
import {
  DuplicateIdempotencyKeyError,
  type ClaimedChange,
  type OrderChange,
  type OrderPage,
  OrderRepository,
  type StatusCount,
  type UpdateOutcome,
} from '../application/ports/order-repository';
import { decideOrderChanges } from '../application/order-changes';
import { type Order } from '../domain/order';
import { ORDER_INCLUDE, toOrder } from './order-record.mapper';
import { INSERT_ORDER_SQL, insertOrderParameters } from './order-insert.sql';
import { countOrdersByStatus } from './order-status-counts.sql';
import {
  loadLockedOrders,
  type LockedOrderRow,
  lockOrders,
  storeChanges,
  toOrderFromRow,
} from './order-update.sql';

@Injectable()
export class PrismaOrderRepository extends OrderRepository {
  constructor(
    private readonly db: OrderDatabase,
    private readonly pool: DatabasePool,
    private readonly outbox: Outbox,
    private readonly inbox: Inbox,
  ) {
    super();
  }

  async findById(orderId: string): Promise<Order | null> {
    const record = await this.db.order.findUnique({
      where: { id: orderId },
      include: ORDER_INCLUDE,
    });
    return record && toOrder(record);
  }

  async findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<Order | null> {
    const record = await this.db.order.findUnique({
      where: { userId_idempotencyKey: { userId, idempotencyKey } },
      include: ORDER_INCLUDE,
    });
    return record && toOrder(record);
  }

  async listByUser(userId: string, offset: number, limit: number): Promise<OrderPage> {
    const [records, total] = await this.db.$transaction([
      this.db.order.findMany({
        where: { userId },
        // The id breaks ties, so pages never overlap when two orders share a millisecond.
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: offset,
        take: limit,
        include: ORDER_INCLUDE,
      }),
      this.db.order.count({ where: { userId } }),
    ]);
    return { orders: records.map(toOrder), total };
  }

  async create(order: Order, events: readonly OutgoingEvent[]): Promise<void> {
    try {
      // One statement — atomic by itself — writes the order, its lines, its first history
      // row and its events: one round trip for every order placed, on pg directly (no
      // Prisma raw-query layer on the hot path).
      await this.pool.query(INSERT_ORDER_SQL, [
        ...insertOrderParameters(order),
        this.outbox.rowsOf(events),
      ]);
    } catch (error) {
      // The ids are fresh UUIDs, so the only unique key a new order can collide on is
      // (user_id, idempotency_key): the same request, sent twice at once.
      if (order.idempotencyKey !== null && isUniqueViolation(error)) {
        throw new DuplicateIdempotencyKeyError(order.userId, order.idempotencyKey);
      }
      throw error;
    }
  }

  /**
   * The row lock serialises a customer's cancel with the saga's events for the same order
   * (they arrive through different consumers), so each decides on the state the other left
   * behind and no transition is lost or overwritten.
   */
  async update(orderId: string, change: OrderChange, claim?: InboxClaim): Promise<UpdateOutcome> {
    const [outcome] = await this.changeOrders(claim?.consumer ?? null, [
      { eventId: claim?.eventId ?? '', orderId, change },
    ]);
    return outcome ?? { kind: 'not_found' };
  }

  updateAll(consumer: string, changes: readonly ClaimedChange[]): Promise<UpdateOutcome[]> {
    return this.changeOrders(consumer, changes);
  }

  countByStatus(): Promise<StatusCount[]> {
    return countOrdersByStatus(this.pool);
  }

  /**
   * One transaction of two round trips, whatever the batch's size (Inbox.applyBatch): one
   * statement locks the orders and the next loads them with their lines and history (sent
   * with BEGIN and the inbox claim), one stores every change (sent with COMMIT). This runs for every saga
   * event, and every round trip and commit costs CPU on both ends.
   */
  private changeOrders(
    consumer: string | null,
    changes: readonly ClaimedChange[],
  ): Promise<UpdateOutcome[]> {
    const orderIds = [...new Set(changes.map((change) => change.orderId))];
    return this.inbox.applyBatch(
      this.pool,
      consumer,
      changes.map((change) => change.eventId),
      [lockOrders(orderIds), loadLockedOrders(orderIds)],
      (isNew, [, rows]): Decision<UpdateOutcome[]> => {
        const stored = new Map(
          ((rows ?? []) as LockedOrderRow[]).map((row) => [row.id, toOrderFromRow(row)]),
        );
        const { outcomes, changed, events } = decideOrderChanges(changes, isNew, stored);
        const write =
          changed.length === 0
            ? null
            : storeChanges(changed, events.length > 0 ? this.outbox.rowsOf(events) : null);
        return { write, result: outcomes };
      },
    );
  }
}
