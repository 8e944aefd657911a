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
    // First, committed on its own: the decision (inbox + CHARGE_DUE), taken once whatever
    // delivery or instance sees the reservation. When order.created has not been seen yet,
    // this only records the reservation and order.created makes the charge due.
    const { payment } = await this.payments.change(orderId, { consumer, eventId }, (current) => {
      const due = reserveStock(current, identity);
      return due && { payment: due, events: [] };
    });
    // Then, unless the order was cancelled meanwhile, the gateway call and its recording;
    // also resumes a charge a crash interrupted.
    await this.settlement.settle({ orderId, causationId: eventId, charge: true, payment });
  }
}
