import { paymentTestBed } from '../../../testing/payment-test-bed';

describe('OpenPaymentHandler (order.created)', () => {
  it('stores a payment intent without charging or emitting anything', async () => {
    const bed = paymentTestBed();

    await bed.openPayment.execute(bed.openCommand({ amount: '19.99', method: 'card' }));

    const payment = bed.payments.payments.get(bed.orderId);
    expect(payment).toMatchObject({ status: 'AWAITING_RESERVATION', terms: { method: 'card' } });
    expect(payment?.terms?.amount.toFixed(2)).toBe('19.99');
    expect(bed.gateway.chargeCalls).toBe(0);
    expect(bed.payments.outbox).toHaveLength(0);
  });

  it('is idempotent', async () => {
    const bed = paymentTestBed();
    const created = bed.openCommand();
    await bed.openPayment.execute(created);
    const stored = bed.payments.payments.get(bed.orderId);

    await bed.openPayment.execute(created);
    await bed.openPayment.execute(bed.openCommand({ amount: '1.00' }));

    expect(bed.payments.payments.get(bed.orderId)).toBe(stored);
  });
});
