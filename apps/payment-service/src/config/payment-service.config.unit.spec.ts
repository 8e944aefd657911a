import { ConfigError } from '@kafka-commerce/config';
import { loadPaymentServiceConfig } from './payment-service.config';

const env = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/kc_payment',
  JWT_PUBLIC_KEY:
    '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----',
};

describe('payment-service configuration', () => {
  it('defaults to the simulated gateway (`test`) with a limit of 10000.00', () => {
    expect(loadPaymentServiceConfig(env)).toMatchObject({
      PORT: 3003,
      PAYMENT_GATEWAY: 'test',
      PAYMENT_LIMIT: '10000.00',
    });
  });

  it('takes a limit as a money string', () => {
    expect(loadPaymentServiceConfig({ ...env, PAYMENT_LIMIT: '250.50' }).PAYMENT_LIMIT).toBe(
      '250.50',
    );
  });

  it.each([
    ['PAYMENT_LIMIT', '10,000'],
    ['PAYMENT_LIMIT', '1e4'],
    ['PAYMENT_GATEWAY', 'stripe'],
  ])('refuses %s=%s', (variable, value) => {
    expect(() => loadPaymentServiceConfig({ ...env, [variable]: value })).toThrow(ConfigError);
  });
});
