import 'reflect-metadata';
import { BadRequestException } from '@nestjs/common';
import { createValidationPipe, type FieldError } from '@kafka-commerce/platform';
import { UpdatePaymentSettingsRequest } from './update-payment-settings.request';

/** The service's real pipe, as PATCH /settings runs it. */
async function validate(body: unknown): Promise<unknown> {
  const validated: unknown = await createValidationPipe().transform(body, {
    type: 'body',
    metatype: UpdatePaymentSettingsRequest,
  });
  return validated;
}

async function rejectedFields(body: unknown): Promise<string[]> {
  try {
    await validate(body);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { errors: FieldError[] }).errors.map((e) => e.field);
  }
  throw new Error('expected the body to be rejected');
}

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
