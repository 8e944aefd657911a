import { Injectable } from '@nestjs/common';
import { countPayment, type ProcessedPayment } from '../../domain/payment-projection';
import { SummaryDelta } from '../../domain/summary-delta';
import { type Claimed, freshFacts, ProjectionStore } from '../ports/projection-store';

export interface RecordPayments {
  readonly consumer: string;
  /** Null for a payment event that changes no total (a refund), claimed all the same. */
  readonly payments: readonly Claimed<ProcessedPayment | null>[];
}

/** Counts processed payments by outcome, each payment once. */
@Injectable()
export class RecordPaymentsHandler {
  constructor(private readonly projections: ProjectionStore) {}

  execute({ consumer, payments }: RecordPayments): Promise<number> {
    return this.projections.inTransaction(async (tx) => {
      const fresh = await tx.claim(
        consumer,
        payments.map((entry) => entry.eventId),
      );
      const candidates = freshFacts(payments, fresh).filter((payment) => payment !== null);
      if (candidates.length === 0) return 0;
      const added = await tx.addPayments(candidates);
      const delta = new SummaryDelta();
      for (const payment of candidates) {
        if (added.has(payment.paymentId)) countPayment(payment, delta);
      }
      await tx.apply(delta);
      return added.size;
    });
  }
}
