import { type DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@kafka-commerce/platform';
import { type PaymentServiceConfig, PAYMENT_SERVICE } from './config/payment-service.config';
import { PaymentDatabase } from './database';
import { PaymentsModule } from './payments';
import { SettingsModule } from './settings';

@Module({})
export class AppModule {
  static register(config: PaymentServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceCoreModule.forRoot({
          serviceName: PAYMENT_SERVICE,
          config,
          database: PaymentDatabase,
        }),
        SettingsModule.register(config),
        PaymentsModule.register(config),
      ],
    };
  }
}
