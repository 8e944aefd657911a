import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { reserveStock } from '../../domain/payment';
import { PaymentRepository } from '../ports/payment.repository';
import { PaymentSettlement } from '../settle-payment/payment-settlement';

/** inventory.reserved: the order's stock is held, so charge it (exactly once). */
export interface ChargePayment {
  readonly consumer: string;
  readonly eventId: string;
  readonly orderId: string;
}

@Injectable()
export class ChargePaymentHandler {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly settlement: PaymentSettlement,
  ) {}

  async execute({ consumer, eventId, orderId }: ChargePayment): Promise<void> {
    const identity = { id: randomUUID(), orderId, now: new Date() };
    // First, committed on its own: the claim (inbox + CHARGING), so no other delivery or
    // instance starts a second charge. When order.created has not been seen yet, this only
    // records the reservation and order.created triggers the charge.
    await this.payments.change(orderId, { consumer, eventId }, (current) => {
      const claimed = reserveStock(current, identity);
      return claimed && { payment: claimed, events: [] };
    });
    // Then the gateway call and its recording; also resumes a charge a crash interrupted.
    await this.settlement.settle({ orderId, causationId: eventId, charge: true });
  }
}
