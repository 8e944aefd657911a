import { paymentTestBed } from '../../../testing/payment-test-bed';

async function chargedOrder(method = 'card') {
  const bed = paymentTestBed();
  await bed.openPayment.execute(bed.openCommand({ method }));
  await bed.chargePayment.execute(bed.chargeCommand());
  return bed;
}

describe('CancelPaymentHandler (order.cancelled)', () => {
  it('refunds a captured charge once and announces it', async () => {
    const bed = await chargedOrder();
    const cancelled = bed.cancelCommand();

    await bed.cancelPayment.execute(cancelled);

    const payment = bed.payments.payments.get(bed.orderId)!;
    expect(payment).toMatchObject({ status: 'REFUNDED', refundReference: `re_ch_${bed.orderId}` });
    expect(bed.gateway.refunds.size).toBe(1);
    expect(bed.payments.eventsOfType('payment.refunded')).toEqual([
      expect.objectContaining({
        topic: 'payments',
        key: bed.orderId,
        envelope: expect.objectContaining({
          producer: 'payment-service',
          correlationId: bed.orderId,
          causationId: cancelled.eventId,
          payload: expect.objectContaining({
            paymentId: payment.id,
            orderId: bed.orderId,
            amount: '44.98',
          }),
        }),
      }),
    ]);
  });

  it('refunds only once for a redelivered or repeated cancellation', async () => {
    const bed = await chargedOrder();
    const cancelled = bed.cancelCommand();

    await bed.cancelPayment.execute(cancelled);
    await bed.cancelPayment.execute(cancelled);
    await bed.cancelPayment.execute(bed.cancelCommand());

    expect(bed.gateway.refundCalls).toBe(1);
    expect(bed.payments.eventsOfType('payment.refunded')).toHaveLength(1);
  });

  it('after a crash between the refund and its recording, the redelivery records the same refund', async () => {
    const bed = await chargedOrder();
    const cancelled = bed.cancelCommand();
    bed.gateway.loseNextAnswer();

    await expect(bed.cancelPayment.execute(cancelled)).rejects.toThrow('connection lost');
    await bed.cancelPayment.execute(cancelled);

    expect(bed.gateway.refunds.size).toBe(1);
    expect(bed.payments.payments.get(bed.orderId)?.status).toBe('REFUNDED');
    expect(bed.payments.eventsOfType('payment.refunded')).toHaveLength(1);
  });

  it('refunds nothing for a FAILED charge', async () => {
    const bed = await chargedOrder('card_declined');

    await bed.cancelPayment.execute(bed.cancelCommand());

    expect(bed.gateway.refundCalls).toBe(0);
    expect(bed.payments.payments.get(bed.orderId)?.status).toBe('FAILED');
    expect(bed.payments.eventsOfType('payment.refunded')).toHaveLength(0);
  });

  it('never charges an order cancelled before its stock was reserved', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand());

    await bed.cancelPayment.execute(bed.cancelCommand());
    await bed.chargePayment.execute(bed.chargeCommand());

    expect(bed.gateway.chargeCalls).toBe(0);
    expect(bed.payments.payments.get(bed.orderId)?.status).toBe('CANCELLED');
    expect(bed.payments.outbox).toHaveLength(0);
    const owner = { userId: bed.openCommand().userId, isAdmin: false };
    await expect(
      bed.listPayments.execute({ orderId: bed.orderId, viewer: owner }),
    ).resolves.toEqual([]);
  });

  it('never charges an order whose reservation was seen but whose order.created was not', async () => {
    const bed = paymentTestBed();
    await bed.chargePayment.execute(bed.chargeCommand());

    await bed.cancelPayment.execute(bed.cancelCommand());
    await bed.openPayment.execute(bed.openCommand());

    expect(bed.gateway.chargeCalls).toBe(0);
    expect(bed.payments.payments.get(bed.orderId)?.status).toBe('CANCELLED');
  });

  describe('while the charge is in flight', () => {
    async function cancelledMidCharge() {
      const bed = paymentTestBed();
      await bed.openPayment.execute(bed.openCommand());
      const reserved = bed.chargeCommand();
      bed.gateway.loseNextAnswer();
      await expect(bed.chargePayment.execute(reserved)).rejects.toThrow();
      await bed.cancelPayment.execute(bed.cancelCommand());
      return { bed, reserved };
    }

    it('leaves the charge to its claimant and refunds it once recorded', async () => {
      const { bed, reserved } = await cancelledMidCharge();
      expect(bed.gateway.chargeCalls).toBe(1);
      expect(bed.gateway.refundCalls).toBe(0);

      await bed.chargePayment.execute(reserved);

      expect(bed.gateway.charges.size).toBe(1);
      expect(bed.gateway.refunds.size).toBe(1);
      expect(bed.payments.payments.get(bed.orderId)?.status).toBe('REFUNDED');
      expect(bed.payments.outbox.map((event) => event.envelope.type)).toEqual([
        'payment.processed',
        'payment.refunded',
      ]);
    });
  });
});
