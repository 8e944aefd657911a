import { type Decimal } from '@kafka-commerce/money';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { openPayment } from '../../domain/payment';
import { PaymentSettlement, type PaymentStep } from '../settle-payment/payment-settlement';

/** order.created: store what to charge, as a payment intent. */
export interface OpenPayment {
  readonly consumer: string;
  readonly eventId: string;
  readonly orderId: string;
  readonly userId: string;
  readonly amount: Decimal;
  readonly method: string;
}

@Injectable()
export class OpenPaymentHandler {
  constructor(private readonly settlement: PaymentSettlement) {}

  async execute(command: OpenPayment): Promise<void> {
    await this.settlement.decideThenSettle(command.consumer, [this.stepFor(command)]);
  }

  /** The reservation may have come first, in which case the charge is due at once. */
  stepFor({ eventId, orderId, userId, amount, method }: OpenPayment): PaymentStep {
    const identity = { id: randomUUID(), orderId, now: new Date() };
    return {
      decision: {
        orderId,
        eventId,
        decide: (current) => {
          const opened = openPayment(current, { userId, amount, method }, identity);
          return opened && { payment: opened, events: [] };
        },
      },
      charge: true,
    };
  }
}
