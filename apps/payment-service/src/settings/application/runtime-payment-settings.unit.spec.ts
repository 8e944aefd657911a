import { paymentSettingsDefinition } from './runtime-payment-settings';

describe('paymentSettingsDefinition', () => {
  it("is payment-service's, with PAYMENT_LIMIT (two decimals) as the default limit", () => {
    const definition = paymentSettingsDefinition({ PAYMENT_LIMIT: '250.5' });
    expect(definition.scope).toBe('payment-service');
    expect(definition.defaults).toEqual({ paymentLimit: '250.50' });
  });
});
