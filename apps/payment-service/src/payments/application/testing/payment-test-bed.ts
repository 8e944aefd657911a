import { toDecimal } from '@kafka-commerce/money';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { CancelPaymentHandler } from '../cancel-payment/cancel-payment.handler';
import { ChargePaymentHandler } from '../charge-payment/charge-payment.handler';
import { ListPaymentsHandler } from '../list-payments/list-payments.handler';
import { OpenPaymentHandler } from '../open-payment/open-payment.handler';
import { PaymentSettlement } from '../settle-payment/payment-settlement';
import { FakePaymentGateway } from './fake-payment.gateway';
import { InMemoryPaymentRepository } from './in-memory-payment.repository';

export const ORDERS_CONSUMER = 'payment-service.orders';
export const RESERVATIONS_CONSUMER = 'payment-service.reservations';

/** The use cases wired to in-memory fakes, with builders for the events they handle. */
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
    /** order.created for the test's order. */
    orderCreated: (overrides: { amount?: string; method?: string; eventId?: string } = {}) => ({
      consumer: ORDERS_CONSUMER,
      eventId: overrides.eventId ?? randomUUID(),
      orderId,
      userId,
      amount: toDecimal(overrides.amount ?? '44.98'),
      method: overrides.method ?? 'card',
    }),
    /** inventory.reserved for the test's order. */
    stockReserved: (eventId: string = randomUUID()) => ({
      consumer: RESERVATIONS_CONSUMER,
      eventId,
      orderId,
    }),
    /** order.cancelled for the test's order. */
    orderCancelled: (eventId: string = randomUUID()) => ({
      consumer: ORDERS_CONSUMER,
      eventId,
      orderId,
    }),
  };
}
