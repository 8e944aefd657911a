import 'reflect-metadata';
import { refusedFields, validated } from '@kafka-commerce/testing';
import { UpdatePaymentSettingsRequest } from './update-payment-settings.request';

// The service's real pipe, as PATCH /settings runs it.
const validate = (body: unknown) => validated(UpdatePaymentSettingsRequest, body);
const rejectedFields = (body: unknown) => refusedFields(UpdatePaymentSettingsRequest, body);

describe('UpdatePaymentSettingsRequest', () => {
  it('takes a limit as a decimal string, stored with two decimals', async () => {
    await expect(validate({ paymentLimit: '50' })).resolves.toEqual({ paymentLimit: '50.00' });
    await expect(validate({ paymentLimit: '12.5' })).resolves.toEqual({ paymentLimit: '12.50' });
    await expect(validate({ paymentLimit: '0' })).resolves.toEqual({ paymentLimit: '0.00' });
  });

  it('takes an empty change', async () => {
    await expect(validate({})).resolves.toEqual({});
  });

  it.each([
    ['a JSON number', 50],
    ['three decimals', '1.999'],
    ['a negative amount', '-1.00'],
    ['an exponent', '1e3'],
    ['more than a payment can hold', '10000000000.00'],
    ['null', null],
  ])('refuses a paymentLimit given as %s, naming it', async (_case, paymentLimit) => {
    expect(await rejectedFields({ paymentLimit })).toEqual(['paymentLimit']);
  });

  it('says how high a limit may go', async () => {
    await expect(validate({ paymentLimit: '10000000000.00' })).rejects.toMatchObject({
      response: {
        errors: [
          {
            field: 'paymentLimit',
            messages: ['paymentLimit: must be at most 9999999999.99, the most a payment can hold'],
          },
        ],
      },
    });
  });

  it('refuses a field that is not a setting, naming it', async () => {
    expect(await rejectedFields({ paymentLimit: '5.00', currency: 'EUR' })).toEqual(['currency']);
  });
});
