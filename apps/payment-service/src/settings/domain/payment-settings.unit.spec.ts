import { paymentSettingsErrors } from './payment-settings';

const CHANGED = new Set(['paymentLimit'] as const);

describe('paymentSettingsErrors', () => {
  it.each(['0', '0.00', '50', '50.5', '10000.00', '9999999999.99'])(
    'accepts a limit of %s',
    (paymentLimit) => {
      expect(paymentSettingsErrors({ paymentLimit }, CHANGED)).toEqual([]);
    },
  );

  it.each([
    ['three decimals', '50.001'],
    ['a negative amount', '-1.00'],
    ['an exponent', '1e4'],
    ['a thousands separator', '10,000.00'],
    ['more than a payment can hold', '10000000000.00'],
    ['an empty string', ''],
  ])('refuses %s, naming paymentLimit', (_case, paymentLimit) => {
    expect(paymentSettingsErrors({ paymentLimit }, CHANGED)).toEqual([
      { field: 'paymentLimit', messages: [expect.stringContaining('paymentLimit must be')] },
    ]);
  });

  it('does not judge a limit nobody is changing (the environment may set any)', () => {
    expect(paymentSettingsErrors({ paymentLimit: '99999999999.00' }, new Set())).toEqual([]);
  });
});
