import { randomUUID } from 'node:crypto';
import { paymentTestBed } from '../../../testing/payment-test-bed';
import { OrderPaymentsNotFoundError } from '../payment.errors';

const admin = { userId: randomUUID(), isAdmin: true };

function ownerOf(bed: ReturnType<typeof paymentTestBed>) {
  return { userId: bed.openCommand().userId, isAdmin: false };
}

describe('ListPaymentsHandler', () => {
  it('shows no bare intent', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand());

    await expect(
      bed.listPayments.execute({ orderId: bed.orderId, viewer: ownerOf(bed) }),
    ).resolves.toEqual([]);
  });

  it('shows the charge, then its refund', async () => {
    const bed = paymentTestBed();
    const viewer = ownerOf(bed);
    await bed.openPayment.execute(bed.openCommand());
    await bed.chargePayment.execute(bed.chargeCommand());

    await expect(bed.listPayments.execute({ orderId: bed.orderId, viewer })).resolves.toEqual([
      expect.objectContaining({ orderId: bed.orderId, status: 'SUCCEEDED' }),
    ]);

    await bed.cancelPayment.execute(bed.cancelCommand());

    await expect(bed.listPayments.execute({ orderId: bed.orderId, viewer })).resolves.toEqual([
      expect.objectContaining({ status: 'REFUNDED' }),
    ]);
  });

  it("reports another customer's order as missing, and shows it to an admin", async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand());
    await bed.chargePayment.execute(bed.chargeCommand());
    const stranger = { userId: randomUUID(), isAdmin: false };

    await expect(
      bed.listPayments.execute({ orderId: bed.orderId, viewer: stranger }),
    ).rejects.toBeInstanceOf(OrderPaymentsNotFoundError);
    await expect(
      bed.listPayments.execute({ orderId: bed.orderId, viewer: admin }),
    ).resolves.toEqual([expect.objectContaining({ orderId: bed.orderId, status: 'SUCCEEDED' })]);
  });

  it('reports an order not known yet as missing to a customer and as uncharged to an admin', async () => {
    const bed = paymentTestBed();
    // inventory.reserved came first: the payment has no owner until order.created arrives.
    await bed.chargePayment.execute(bed.chargeCommand());

    await expect(
      bed.listPayments.execute({ orderId: bed.orderId, viewer: ownerOf(bed) }),
    ).rejects.toBeInstanceOf(OrderPaymentsNotFoundError);
    await expect(
      bed.listPayments.execute({ orderId: randomUUID(), viewer: ownerOf(bed) }),
    ).rejects.toBeInstanceOf(OrderPaymentsNotFoundError);
    await expect(
      bed.listPayments.execute({ orderId: randomUUID(), viewer: admin }),
    ).resolves.toEqual([]);
  });
});
