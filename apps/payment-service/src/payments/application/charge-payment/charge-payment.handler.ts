import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { allowCharge } from '../../domain/payment';
import { PaymentSettlement, type PaymentStep } from '../settle-payment/payment-settlement';

/** inventory.reserved: the order's stock is held, so charge it (exactly once). */
export interface ChargePayment {
  readonly consumer: string;
  readonly eventId: string;
  readonly orderId: string;
}

@Injectable()
export class ChargePaymentHandler {
  constructor(private readonly settlement: PaymentSettlement) {}

  async execute(command: ChargePayment): Promise<void> {
    await this.settlement.decideThenSettle(command.consumer, [this.stepFor(command)]);
  }

  /**
   * First, committed on its own: the decision (inbox + CHARGE_DUE), taken once whatever
   * delivery or instance sees the reservation. When order.created has not been seen yet,
   * this only records the reservation and order.created makes the charge due. Then, unless
   * the order was cancelled meanwhile, the gateway call and its recording; the settlement
   * also resumes a charge a crash interrupted.
   */
  stepFor({ eventId, orderId }: ChargePayment): PaymentStep {
    const identity = { id: randomUUID(), orderId, now: new Date() };
    return {
      decision: {
        orderId,
        eventId,
        decide: (current) => {
          const due = allowCharge(current, identity);
          return due && { payment: due, events: [] };
        },
      },
      charge: true,
    };
  }
}
