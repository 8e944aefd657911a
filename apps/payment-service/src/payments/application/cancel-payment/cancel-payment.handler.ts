import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { cancelPayment } from '../../domain/payment';
import { PaymentSettlement, type PaymentStep } from '../settle-payment/payment-settlement';

/** order.cancelled: never charge the order; refund a captured charge exactly once. */
export interface CancelPayment {
  readonly consumer: string;
  readonly eventId: string;
  readonly orderId: string;
}

@Injectable()
export class CancelPaymentHandler {
  constructor(private readonly settlement: PaymentSettlement) {}

  async execute(command: CancelPayment): Promise<void> {
    await this.settlement.decideThenSettle(command.consumer, [this.stepFor(command)]);
  }

  /**
   * A charge in flight is left to the handler that claimed it, which refunds it once
   * recorded (a cancellation never calls the gateway to charge); a captured one is
   * refunded by the settlement.
   */
  stepFor({ eventId, orderId }: CancelPayment): PaymentStep {
    const identity = { id: randomUUID(), orderId, now: new Date() };
    return {
      decision: {
        orderId,
        eventId,
        decide: (current) => {
          const cancelled = cancelPayment(current, identity);
          return cancelled && { payment: cancelled, events: [] };
        },
      },
      charge: false,
    };
  }
}
