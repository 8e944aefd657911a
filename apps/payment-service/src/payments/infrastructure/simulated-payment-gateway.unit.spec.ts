import { toDecimal } from '@kafka-commerce/money';
import { randomUUID } from 'node:crypto';
import { createPaymentGateway } from './payment-gateways';
import { SimulatedPaymentGateway } from './simulated-payment-gateway';

const limitOf = (amount: string) => () => toDecimal(amount);
const gateway = () => new SimulatedPaymentGateway({ limit: limitOf('10000.00') });
const charge = (amount: string, method: string, orderId: string = randomUUID()) =>
  gateway().charge({ orderId, amount: toDecimal(amount), method });

describe('SimulatedPaymentGateway', () => {
  it('charges a card', async () => {
    const orderId = randomUUID();
    await expect(charge('44.98', 'card', orderId)).resolves.toEqual({
      status: 'SUCCEEDED',
      providerReference: `test_ch_${orderId}`,
    });
  });

  it('accepts exactly the limit and refuses a cent more', async () => {
    await expect(charge('10000.00', 'card')).resolves.toMatchObject({ status: 'SUCCEEDED' });
    await expect(charge('10000.01', 'card')).resolves.toMatchObject({
      status: 'FAILED',
      reason: 'amount_limit_exceeded',
    });
  });

  it('checks the limit before the payment method', async () => {
    await expect(charge('10000.01', 'card_declined')).resolves.toMatchObject({
      reason: 'amount_limit_exceeded',
    });
    await expect(charge('20000.00', 'paypal')).resolves.toMatchObject({
      reason: 'amount_limit_exceeded',
    });
  });

  it('declines card_declined', async () => {
    await expect(charge('5.00', 'card_declined')).resolves.toMatchObject({
      status: 'FAILED',
      reason: 'card_declined',
    });
  });

  it('refuses any other payment method', async () => {
    await expect(charge('5.00', 'paypal')).resolves.toMatchObject({
      status: 'FAILED',
      reason: 'unsupported_payment_method',
    });
  });

  it('answers a repeated idempotency key with its first answer, whatever the request', async () => {
    const provider = gateway();
    const orderId = randomUUID();
    const first = await provider.charge({ orderId, amount: toDecimal('1.00'), method: 'card' });
    await expect(
      provider.charge({ orderId, amount: toDecimal('99999.00'), method: 'card_declined' }),
    ).resolves.toEqual(first);
  });

  it('gives the same answer to the same request after a restart', async () => {
    const orderId = randomUUID();
    const before = await charge('44.98', 'card', orderId);
    await expect(charge('44.98', 'card', orderId)).resolves.toEqual(before);
  });

  it('forgets the oldest keys beyond its memory, still answering the same request alike', async () => {
    const provider = new SimulatedPaymentGateway({ limit: limitOf('10.00'), rememberedKeys: 1 });
    const first = randomUUID();
    await provider.charge({ orderId: first, amount: toDecimal('1.00'), method: 'card' });
    await provider.charge({ orderId: randomUUID(), amount: toDecimal('1.00'), method: 'card' });
    await expect(
      provider.charge({ orderId: first, amount: toDecimal('1.00'), method: 'card' }),
    ).resolves.toMatchObject({ status: 'SUCCEEDED', providerReference: `test_ch_${first}` });
  });

  it('refunds a charge under a reference derived from it, so a repeat gets the same one', async () => {
    const request = { providerReference: 'test_ch_1', amount: toDecimal('44.98') };
    const first = await gateway().refund(request);
    expect(first).toEqual({ refundReference: 'test_re_test_ch_1' });
    await expect(gateway().refund(request)).resolves.toEqual(first);
  });
});

describe('createPaymentGateway', () => {
  it('builds the simulated gateway for `test`, which asks for the limit at each charge', async () => {
    let limit = '50.00';
    const provider = createPaymentGateway('test', { paymentLimit: () => toDecimal(limit) });
    expect(provider).toBeInstanceOf(SimulatedPaymentGateway);
    const over = () =>
      provider.charge({ orderId: randomUUID(), amount: toDecimal('50.01'), method: 'card' });
    await expect(over()).resolves.toMatchObject({ reason: 'amount_limit_exceeded' });
    limit = '100.00'; // a runtime change: the next charge is judged against it
    await expect(over()).resolves.toMatchObject({ status: 'SUCCEEDED' });
    limit = '0.00';
    await expect(
      provider.charge({ orderId: randomUUID(), amount: toDecimal('0.01'), method: 'card' }),
    ).resolves.toMatchObject({ reason: 'amount_limit_exceeded' });
  });

  it('keeps the first answer for an order whose charge is asked again after the limit changed', async () => {
    let limit = '10.00';
    const provider = createPaymentGateway('test', { paymentLimit: () => toDecimal(limit) });
    const request = { orderId: randomUUID(), amount: toDecimal('20.00'), method: 'card' };
    const first = await provider.charge(request);
    limit = '100.00';
    await expect(provider.charge(request)).resolves.toEqual(first);
  });
});
