import { Injectable } from '@nestjs/common';
import { type Decision, Inbox, Outbox } from '@kafka-commerce/messaging';
import { DatabasePool, isUniqueViolation } from '@kafka-commerce/platform';
import { PaymentDatabase } from '../../database';
import {
  type ChangeOutcome,
  type OwnerScope,
  type PaymentDecision,
  PaymentRepository,
} from '../application/ports/payment-repository';
import { decidePaymentChanges } from '../application/payment-batch';
import { CHARGE_STATUSES, type Payment } from '../domain/payment';
import {
  lockAndLoad,
  type PaymentRecord,
  selectPayment,
  storePayments,
  toPaymentFromRecord,
} from './payment.sql';

@Injectable()
export class PrismaPaymentRepository extends PaymentRepository {
  constructor(
    private readonly db: PaymentDatabase,
    private readonly pool: DatabasePool,
    private readonly inbox: Inbox,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async changeAll(
    consumer: string | null,
    decisions: readonly PaymentDecision[],
  ): Promise<ChangeOutcome[]> {
    if (decisions.length === 0) return [];
    try {
      return await this.changeOnce(consumer, decisions);
    } catch (error) {
      // The order's first facts arrive on two topics at once and may both insert its row;
      // the loser (rolled back, inbox claims included) finds the row on a second try.
      if (isUniqueViolation(error)) return this.changeOnce(consumer, decisions);
      throw error;
    }
  }

  /**
   * Serialises the changes of each order's payment (a charge being recorded, a concurrent
   * cancellation), so none is lost and its outbox rows follow the order of its changes. One
   * statement locks and loads the payments (sent with BEGIN and the inbox claim), one stores
   * every change (sent with COMMIT), whatever the batch's size: each order passes here at
   * least four times, and every round trip and commit costs CPU on both ends.
   */
  private async changeOnce(
    consumer: string | null,
    decisions: readonly PaymentDecision[],
  ): Promise<ChangeOutcome[]> {
    const orderIds = [...new Set(decisions.map((decision) => decision.orderId))];
    return this.inbox.applyBatch(
      this.pool,
      consumer,
      decisions.map((decision) => decision.eventId),
      [lockAndLoad(orderIds)],
      (isNew, [rows]): Decision<ChangeOutcome[]> => {
        const stored = new Map(
          ((rows ?? []) as PaymentRecord[]).map((row) => [row.orderId, toPaymentFromRecord(row)]),
        );
        const { outcomes, changed, events } = decidePaymentChanges(decisions, isNew, stored);
        const write =
          changed.length === 0
            ? null
            : storePayments(changed, events.length > 0 ? this.outbox.rowsOf(events) : null);
        return { write, result: outcomes };
      },
    );
  }

  async findByOrderId(orderId: string): Promise<Payment | null> {
    // Raw: the settlement reads the payment after every payment event.
    const [row] = await this.db.$queryRaw<PaymentRecord[]>(selectPayment(orderId));
    return row ? toPaymentFromRecord(row) : null;
  }

  async listCharges(orderId: string, scope: OwnerScope): Promise<Payment[] | null> {
    // The owner is part of the query: another customer's row is never read. The row is read
    // whatever its status, to tell "yours, nothing charged yet" from "not yours".
    const rows = await this.db.payment.findMany({
      where: { orderId, ...(scope.kind === 'owner' ? { userId: scope.userId } : {}) },
      orderBy: { createdAt: 'asc' },
    });
    if (rows.length === 0) return null;
    return rows
      .filter((row) => isChargeStatus(row.status))
      .map((row) => toPaymentFromRecord({ ...row, amount: row.amount?.toFixed(2) ?? null }));
  }
}

function isChargeStatus(status: string): boolean {
  return (CHARGE_STATUSES as readonly string[]).includes(status);
}
