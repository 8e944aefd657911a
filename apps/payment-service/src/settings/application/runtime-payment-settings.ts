import { toDecimal, toMoney } from '@kafka-commerce/money';
import { RuntimeSettings, type SettingsDefinition } from '@kafka-commerce/platform';
import { PAYMENT_SERVICE, type PaymentServiceConfig } from '../../config/payment-service.config';
import { type PaymentSettings, paymentSettingsErrors } from '../domain/payment-settings';

/**
 * payment-service's runtime settings, kept current in every instance (see RuntimeSettings in
 * libs/platform: a row in this service's database, LISTEN/NOTIFY and a slow poll); the class
 * is the injection token. Read `current()` at each charge.
 */
export class RuntimePaymentSettings extends RuntimeSettings<PaymentSettings> {}

/** PAYMENT_LIMIT from the environment is the limit until an admin first changes it. */
export function paymentSettingsDefinition(
  config: Pick<PaymentServiceConfig, 'PAYMENT_LIMIT'>,
): SettingsDefinition<PaymentSettings> {
  return {
    scope: PAYMENT_SERVICE,
    defaults: { paymentLimit: toMoney(toDecimal(config.PAYMENT_LIMIT)) },
    validate: paymentSettingsErrors,
  };
}
