import { domainErrorFilter } from '@kafka-commerce/platform';
import { toDecimal } from '@kafka-commerce/money';
import { type DynamicModule, Module } from '@nestjs/common';
import { type PaymentServiceConfig } from '../config/payment-service.config';
import { RuntimePaymentSettings } from '../settings';
import { PaymentsController } from './api/payments.controller';
import { paymentsHttpErrors } from './api/payments-http-errors';
import { CancelPaymentHandler } from './application/cancel-payment/cancel-payment.handler';
import { ChargePaymentHandler } from './application/charge-payment/charge-payment.handler';
import { ListPaymentsHandler } from './application/list-payments/list-payments.handler';
import { OpenPaymentHandler } from './application/open-payment/open-payment.handler';
import { PaymentGateway } from './application/ports/payment-gateway';
import { PaymentRepository } from './application/ports/payment-repository';
import { PaymentSettlement } from './application/settle-payment/payment-settlement';
import { createPaymentGateway } from './infrastructure/payment-gateways';
import { PrismaPaymentRepository } from './infrastructure/prisma-payment-repository';
import { OrderEventsConsumer } from './messaging/order-events.consumer';
import { ReservationEventsConsumer } from './messaging/reservation-events.consumer';

@Module({})
export class PaymentsModule {
  static register(config: PaymentServiceConfig): DynamicModule {
    return {
      module: PaymentsModule,
      controllers: [PaymentsController, OrderEventsConsumer, ReservationEventsConsumer],
      providers: [
        domainErrorFilter(paymentsHttpErrors),
        OpenPaymentHandler,
        ChargePaymentHandler,
        CancelPaymentHandler,
        ListPaymentsHandler,
        PaymentSettlement,
        { provide: PaymentRepository, useClass: PrismaPaymentRepository },
        {
          provide: PaymentGateway,
          useFactory: (settings: RuntimePaymentSettings) =>
            createPaymentGateway(config.PAYMENT_GATEWAY, {
              paymentLimit: () => toDecimal(settings.current().paymentLimit),
            }),
          inject: [RuntimePaymentSettings],
        },
      ],
    };
  }
}
