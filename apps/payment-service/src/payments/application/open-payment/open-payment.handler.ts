import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Decimal } from '@kafka-commerce/events';
import { placeOrder } from '../../domain/payment';
import { PaymentRepository } from '../ports/payment.repository';
import { PaymentSettlement } from '../settle-payment/payment-settlement';

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
  constructor(
    private readonly payments: PaymentRepository,
    private readonly settlement: PaymentSettlement,
  ) {}

  async execute(command: OpenPayment): Promise<void> {
    const { consumer, eventId, orderId, userId, amount, method } = command;
    const identity = { id: randomUUID(), orderId, now: new Date() };
    const { payment } = await this.payments.change(orderId, { consumer, eventId }, (current) => {
      const opened = placeOrder(current, { userId, amount, method }, identity);
      return opened && { payment: opened, events: [] };
    });
    // The reservation may have come first, in which case the charge is due now.
    await this.settlement.settle({ orderId, causationId: eventId, charge: true, payment });
  }
}
