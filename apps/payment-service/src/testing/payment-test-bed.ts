import { toDecimal } from '@kafka-commerce/money';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import {
  type CancelPayment,
  CancelPaymentHandler,
} from '../payments/application/cancel-payment/cancel-payment.handler';
import {
  type ChargePayment,
  ChargePaymentHandler,
} from '../payments/application/charge-payment/charge-payment.handler';
import { ListPaymentsHandler } from '../payments/application/list-payments/list-payments.handler';
import {
  type OpenPayment,
  OpenPaymentHandler,
} from '../payments/application/open-payment/open-payment.handler';
import { PaymentSettlement } from '../payments/application/settle-payment/payment-settlement';
import { FakePaymentGateway } from './fake-payment-gateway';
import { InMemoryPaymentRepository } from './in-memory-payment-repository';

export const ORDERS_CONSUMER = 'payment-service.orders';
export const RESERVATIONS_CONSUMER = 'payment-service.reservations';

/**
 * The use cases wired to in-memory fakes, with builders of their commands for the test's
 * order (as the consumers map them from order.created, inventory.reserved, order.cancelled).
 */
export function paymentTestBed() {
  Logger.overrideLogger(false);
  const payments = new InMemoryPaymentRepository();
  const gateway = new FakePaymentGateway();
  const settlement = new PaymentSettlement(payments, gateway);
  const orderId = randomUUID();
  const userId = randomUUID();
  return {
    payments,
    gateway,
    settlement,
    orderId,
    openPayment: new OpenPaymentHandler(settlement),
    chargePayment: new ChargePaymentHandler(settlement),
    cancelPayment: new CancelPaymentHandler(settlement),
    listPayments: new ListPaymentsHandler(payments),
    /** OpenPayment, from order.created. */
    openCommand: (
      overrides: { amount?: string; method?: string; eventId?: string } = {},
    ): OpenPayment => ({
      consumer: ORDERS_CONSUMER,
      eventId: overrides.eventId ?? randomUUID(),
      orderId,
      userId,
      amount: toDecimal(overrides.amount ?? '44.98'),
      method: overrides.method ?? 'card',
    }),
    /** ChargePayment, from inventory.reserved. */
    chargeCommand: (eventId: string = randomUUID()): ChargePayment => ({
      consumer: RESERVATIONS_CONSUMER,
      eventId,
      orderId,
    }),
    /** CancelPayment, from order.cancelled. */
    cancelCommand: (eventId: string = randomUUID()): CancelPayment => ({
      consumer: ORDERS_CONSUMER,
      eventId,
      orderId,
    }),
  };
}
