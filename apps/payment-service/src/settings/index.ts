export { RuntimePaymentSettings } from './application/runtime-payment-settings';
export { SettingsModule } from './settings.module';
