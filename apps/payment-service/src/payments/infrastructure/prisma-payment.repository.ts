import { Injectable } from '@nestjs/common';
import { type Decision, Inbox, Outbox, type InboxClaim } from '@kafka-commerce/messaging';
import { DatabasePool, isUniqueViolation } from '@kafka-commerce/platform';
import { PaymentDatabase } from '../../database';
import {
  type ChangeOutcome,
  type DecidePaymentChange,
  type OwnerScope,
  PaymentRepository,
} from '../application/ports/payment.repository';
import { CHARGE_STATUSES, type Payment } from '../domain/payment';
import {
  insertPayment,
  lockAndLoad,
  type PaymentRecord,
  selectPayment,
  toPaymentFromRecord,
  updatePayment,
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

  async change(
    orderId: string,
    claim: InboxClaim | null,
    decide: DecidePaymentChange,
  ): Promise<ChangeOutcome> {
    try {
      return await this.changeOnce(orderId, claim, decide);
    } catch (error) {
      // The order's first facts arrive on two topics at once and may both insert its row;
      // the loser (rolled back, inbox claim included) finds the row on a second try.
      if (isUniqueViolation(error)) return this.changeOnce(orderId, claim, decide);
      throw error;
    }
  }

  /**
   * Serialises the changes of one order's payment (a charge being recorded, a concurrent
   * cancellation), so none is lost and its outbox rows follow the order of its changes. One
   * statement locks and loads the payment (sent with BEGIN and the inbox claim), one stores
   * the change (sent with COMMIT): each order passes here at least four times, and every
   * round trip to PostgreSQL costs CPU on both ends.
   */
  private async changeOnce(
    orderId: string,
    claim: InboxClaim | null,
    decide: DecidePaymentChange,
  ): Promise<ChangeOutcome> {
    const outcome = await this.inbox.applyOnce(
      this.pool,
      claim,
      [lockAndLoad(orderId)],
      ([rows]): Decision<ChangeOutcome> => {
        const row = rows?.[0] as PaymentRecord | undefined;
        const current = row ? toPaymentFromRecord(row) : null;
        const change = decide(current);
        if (change === null) return { write: null, result: { changed: false, payment: current } };
        const events = change.events.length > 0 ? this.outbox.rowsOf(change.events) : null;
        const write = current
          ? updatePayment(change.payment, events)
          : insertPayment(change.payment, events);
        return { write, result: { changed: true, payment: change.payment } };
      },
    );
    return outcome.applied ? outcome.result : { changed: false };
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
