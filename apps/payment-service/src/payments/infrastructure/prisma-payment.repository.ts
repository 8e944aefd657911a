import { Injectable } from '@nestjs/common';
import { Inbox, Outbox, type InboxClaim } from '@kafka-commerce/messaging';
import { isUniqueViolation } from '@kafka-commerce/platform';
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

  private changeOnce(
    orderId: string,
    claim: InboxClaim | null,
    decide: DecidePaymentChange,
  ): Promise<ChangeOutcome> {
    return this.db.$transaction(async (tx): Promise<ChangeOutcome> => {
      if (claim && !(await this.inbox.claimOne(tx, claim))) {
        return { changed: false };
      }
      // Serialises the changes of one order's payment (a charge being recorded, a concurrent
      // cancellation), so none is lost and its outbox rows follow the order of its changes.
      // One statement locks and loads the payment, one stores the change: each order passes
      // here at least four times, and every round trip to PostgreSQL costs CPU on both ends.
      const [row] = await tx.$queryRaw<PaymentRecord[]>(lockAndLoad(orderId));
      const current = row ? toPaymentFromRecord(row) : null;
      const change = decide(current);
      if (change === null) return { changed: false, payment: current };
      const events = change.events.length > 0 ? this.outbox.rowsOf(change.events) : null;
      const write = current
        ? updatePayment(change.payment, events)
        : insertPayment(change.payment, events);
      await tx.$executeRaw(write);
      return { changed: true, payment: change.payment };
    });
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
