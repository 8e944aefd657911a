import { Injectable } from '@nestjs/common';
import { type ChargeStatus, type ChargeTerms, isCharge, type Payment } from '../../domain/payment';
import { PaymentRepository } from '../ports/payment.repository';

export type Charge = Payment & { readonly status: ChargeStatus; readonly terms: ChargeTerms };

/** A client's view of an order's payments: actual charges only, never bare intents. */
@Injectable()
export class ListPaymentsHandler {
  constructor(private readonly payments: PaymentRepository) {}

  async execute(orderId: string): Promise<Charge[]> {
    return (await this.payments.listCharges(orderId)).filter(isCharge);
  }
}
