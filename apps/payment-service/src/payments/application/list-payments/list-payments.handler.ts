import { Injectable } from '@nestjs/common';
import { type ChargeStatus, type ChargeTerms, isCharge, type Payment } from '../../domain/payment';
import { type OwnerScope, PaymentRepository } from '../ports/payment-repository';
import { OrderPaymentsNotFoundError } from '../payment.errors';

export type Charge = Payment & { readonly status: ChargeStatus; readonly terms: ChargeTerms };

/** Who is looking: an order's payments are visible to its owner and to admins only. */
export interface Viewer {
  readonly userId: string;
  readonly isAdmin: boolean;
}

export interface ListPayments {
  readonly orderId: string;
  readonly viewer: Viewer;
}

/** A client's view of an order's payments: actual charges only, never bare intents. */
@Injectable()
export class ListPaymentsHandler {
  constructor(private readonly payments: PaymentRepository) {}

  /**
   * A customer asking for an order that is not theirs (or not known here yet) is told it is
   * missing, as order-service does, so order ids cannot be probed.
   */
  async execute({ orderId, viewer }: ListPayments): Promise<Charge[]> {
    const scope: OwnerScope = viewer.isAdmin
      ? { kind: 'everyone' }
      : { kind: 'owner', userId: viewer.userId };
    const payments = await this.payments.listCharges(orderId, scope);
    if (payments !== null) return payments.filter(isCharge);
    // An admin may ask before order.created has arrived: nothing is charged yet.
    if (viewer.isAdmin) return [];
    throw new OrderPaymentsNotFoundError(orderId);
  }
}
