import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { cancelOrder } from '../../domain/payment';
import { PaymentRepository } from '../ports/payment.repository';
import { PaymentSettlement } from '../settle-payment/payment-settlement';

/** order.cancelled: never charge the order; refund a captured charge exactly once. */
export interface CancelPayment {
  readonly consumer: string;
  readonly eventId: string;
  readonly orderId: string;
}

@Injectable()
export class CancelPaymentHandler {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly settlement: PaymentSettlement,
  ) {}

  async execute({ consumer, eventId, orderId }: CancelPayment): Promise<void> {
    const identity = { id: randomUUID(), orderId, now: new Date() };
    const { payment } = await this.payments.change(orderId, { consumer, eventId }, (current) => {
      const cancelled = cancelOrder(current, identity);
      return cancelled && { payment: cancelled, events: [] };
    });
    // A charge in flight is left to the handler that claimed it, which refunds it once
    // recorded (a cancellation never calls the gateway to charge); a captured one is
    // refunded here.
    await this.settlement.settle({ orderId, causationId: eventId, charge: false, payment });
  }
}
