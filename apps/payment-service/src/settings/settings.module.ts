import { type DynamicModule, Module } from '@nestjs/common';
import { RuntimeSettingsModule } from '@kafka-commerce/platform';
import { type PaymentServiceConfig } from '../config/payment-service.config';
import { SettingsController } from './api/settings.controller';
import {
  paymentSettingsDefinition,
  RuntimePaymentSettings,
} from './application/runtime-payment-settings';

/**
 * Runtime settings: `GET`/`PATCH /settings` (admin) and RuntimePaymentSettings, which every
 * module may inject (the payment gateway reads its limit from it at each charge).
 */
@Module({})
export class SettingsModule {
  static register(config: PaymentServiceConfig): DynamicModule {
    return {
      module: SettingsModule,
      imports: [
        RuntimeSettingsModule.forService({
          provide: RuntimePaymentSettings,
          definition: paymentSettingsDefinition(config),
          databaseUrl: config.DATABASE_URL,
        }),
      ],
      controllers: [SettingsController],
    };
  }
}
