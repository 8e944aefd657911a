import { paymentTestBed } from '../testing/payment-test-bed';

describe('ListPaymentsHandler', () => {
  it('shows no bare intent', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.orderCreated());

    await expect(bed.listPayments.execute(bed.orderId)).resolves.toEqual([]);
  });

  it('shows the charge, then its refund', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.orderCreated());
    await bed.chargePayment.execute(bed.stockReserved());

    await expect(bed.listPayments.execute(bed.orderId)).resolves.toEqual([
      expect.objectContaining({ orderId: bed.orderId, status: 'SUCCEEDED' }),
    ]);

    await bed.cancelPayment.execute(bed.orderCancelled());

    await expect(bed.listPayments.execute(bed.orderId)).resolves.toEqual([
      expect.objectContaining({ status: 'REFUNDED' }),
    ]);
  });
});
