import { settingsController } from '@kafka-commerce/platform';
import { RuntimePaymentSettings } from '../application/runtime-payment-settings';
import { PaymentSettingsResponse } from './payment-settings.response';
import { UpdatePaymentSettingsRequest } from './update-payment-settings.request';

/** `GET`/`PATCH /settings` and `GET /settings/audit`, admin only (libs/platform's controller). */
export const SettingsController = settingsController({
  settings: RuntimePaymentSettings,
  request: UpdatePaymentSettingsRequest,
  response: PaymentSettingsResponse,
});
