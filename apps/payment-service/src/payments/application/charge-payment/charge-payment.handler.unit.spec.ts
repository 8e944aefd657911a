import { randomUUID } from 'node:crypto';
import { type ChangeOutcome, type PaymentDecision } from '../ports/payment-repository';
import { CancelPaymentHandler } from '../cancel-payment/cancel-payment.handler';
import { OpenPaymentHandler } from '../open-payment/open-payment.handler';
import { PaymentSettlement } from '../settle-payment/payment-settlement';
import { FakePaymentGateway } from '../../../testing/fake-payment-gateway';
import { InMemoryPaymentRepository } from '../../../testing/in-memory-payment-repository';
import { paymentTestBed } from '../../../testing/payment-test-bed';
import { ChargePaymentHandler } from './charge-payment.handler';

/** Runs `between` right after the next change commits: another consumer's interleaving. */
class InterleavingRepository extends InMemoryPaymentRepository {
  private between: (() => Promise<void>) | undefined;

  afterNextChange(between: () => Promise<void>): void {
    this.between = between;
  }

  override async changeAll(
    consumer: string | null,
    decisions: readonly PaymentDecision[],
  ): Promise<ChangeOutcome[]> {
    const changed = await super.changeAll(consumer, decisions);
    const between = this.between;
    this.between = undefined;
    if (between) await between();
    return changed;
  }
}

/** The test bed's handlers over a repository that lets a test interleave two consumers. */
function interleavingBed() {
  const bed = paymentTestBed();
  const payments = new InterleavingRepository();
  const gateway = new FakePaymentGateway();
  const settlement = new PaymentSettlement(payments, gateway);
  return {
    ...bed,
    payments,
    gateway,
    openPayment: new OpenPaymentHandler(settlement),
    chargePayment: new ChargePaymentHandler(settlement),
    cancelPayment: new CancelPaymentHandler(settlement),
  };
}

describe('ChargePaymentHandler (inventory.reserved)', () => {
  it('charges a reserved order once and announces the result', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand());
    const reserved = bed.chargeCommand();

    await bed.chargePayment.execute(reserved);

    expect(bed.gateway.charges.size).toBe(1);
    const payment = bed.payments.payments.get(bed.orderId)!;
    expect(payment).toMatchObject({ status: 'SUCCEEDED', reason: null });
    const [processed] = bed.payments.eventsOfType('payment.processed');
    expect(bed.payments.eventsOfType('payment.processed')).toHaveLength(1);
    expect(processed).toMatchObject({
      topic: 'payments',
      key: bed.orderId,
      envelope: {
        producer: 'payment-service',
        correlationId: bed.orderId,
        causationId: reserved.eventId,
        payload: {
          paymentId: payment.id,
          orderId: bed.orderId,
          amount: '44.98',
          paymentMethod: 'card',
          status: 'SUCCEEDED',
        },
      },
    });
    expect(processed!.envelope.payload).not.toHaveProperty('reason');
  });

  it('records a declined charge as FAILED with its reason', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand({ method: 'card_declined' }));

    await bed.chargePayment.execute(bed.chargeCommand());

    expect(bed.payments.payments.get(bed.orderId)).toMatchObject({
      status: 'FAILED',
      reason: 'card_declined',
    });
    expect(bed.payments.eventsOfType('payment.processed')[0]?.envelope.payload).toMatchObject({
      status: 'FAILED',
      reason: 'card_declined',
      paymentMethod: 'card_declined',
    });
  });

  it('never charges twice for a redelivered reservation', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand());
    const reserved = bed.chargeCommand();

    await bed.chargePayment.execute(reserved);
    await bed.chargePayment.execute(reserved);

    expect(bed.gateway.chargeCalls).toBe(1);
    expect(bed.payments.eventsOfType('payment.processed')).toHaveLength(1);
  });

  it('never charges twice for a second reservation event of the same order', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand());

    await bed.chargePayment.execute(bed.chargeCommand());
    await bed.chargePayment.execute(bed.chargeCommand());

    expect(bed.gateway.chargeCalls).toBe(1);
    expect(bed.payments.eventsOfType('payment.processed')).toHaveLength(1);
  });

  it('after a crash between the charge and its recording, the redelivery records the same charge', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand());
    const reserved = bed.chargeCommand();
    bed.gateway.loseNextAnswer();

    await expect(bed.chargePayment.execute(reserved)).rejects.toThrow('connection lost');
    expect(bed.payments.payments.get(bed.orderId)?.status).toBe('CHARGING');
    expect(bed.payments.outbox).toHaveLength(0);

    // The inbox already holds the event, but the CHARGING claim resumes the charge.
    await bed.chargePayment.execute(reserved);

    expect(bed.gateway.charges.size).toBe(1);
    expect(bed.gateway.chargeCalls).toBe(2);
    expect(bed.payments.payments.get(bed.orderId)?.status).toBe('SUCCEEDED');
    expect(bed.payments.eventsOfType('payment.processed')).toHaveLength(1);
  });

  it('retries a charge whose provider could not be reached', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand());
    const reserved = bed.chargeCommand();
    bed.gateway.failNextCall();

    await expect(bed.chargePayment.execute(reserved)).rejects.toThrow('unreachable');
    await bed.chargePayment.execute(reserved);

    expect(bed.gateway.charges.size).toBe(1);
    expect(bed.payments.eventsOfType('payment.processed')).toHaveLength(1);
  });

  describe('when the reservation arrives before order.created (another topic)', () => {
    it('remembers it without charging, and charges once the order arrives', async () => {
      const bed = paymentTestBed();

      await bed.chargePayment.execute(bed.chargeCommand());

      expect(bed.gateway.chargeCalls).toBe(0);
      expect(bed.payments.outbox).toHaveLength(0);
      expect(bed.payments.payments.get(bed.orderId)?.status).toBe('AWAITING_ORDER');

      const created = bed.openCommand({ amount: '120.00' });
      await bed.openPayment.execute(created);

      expect(bed.gateway.charges.size).toBe(1);
      expect(bed.payments.eventsOfType('payment.processed')).toEqual([
        expect.objectContaining({
          envelope: expect.objectContaining({
            causationId: created.eventId,
            payload: expect.objectContaining({ amount: '120.00', status: 'SUCCEEDED' }),
          }),
        }),
      ]);
    });

    it('resumes the charge when order.created is redelivered after a crash', async () => {
      const bed = paymentTestBed();
      await bed.chargePayment.execute(bed.chargeCommand());
      const created = bed.openCommand();
      bed.gateway.loseNextAnswer();

      await expect(bed.openPayment.execute(created)).rejects.toThrow();
      await bed.openPayment.execute(created);

      expect(bed.gateway.charges.size).toBe(1);
      expect(bed.payments.eventsOfType('payment.processed')).toHaveLength(1);
    });
  });

  describe('when order.cancelled (orders topic) is handled while the charge is being claimed', () => {
    it('never charges once the cancellation is in, even though the charge was already claimed', async () => {
      const bed = interleavingBed();
      await bed.openPayment.execute(bed.openCommand());
      // inventory.reserved claims the charge; order.cancelled is handled right after that
      // commit, before the gateway is called.
      bed.payments.afterNextChange(() => bed.cancelPayment.execute(bed.cancelCommand()));

      await bed.chargePayment.execute(bed.chargeCommand());

      expect(bed.gateway.chargeCalls).toBe(0);
      expect(bed.payments.payments.get(bed.orderId)?.status).toBe('CANCELLED');
      expect(bed.payments.outbox).toEqual([]);
    });

    it('never charges when the order arrives second and the cancellation right after it', async () => {
      const bed = interleavingBed();
      await bed.chargePayment.execute(bed.chargeCommand());
      bed.payments.afterNextChange(() => bed.cancelPayment.execute(bed.cancelCommand()));

      await bed.openPayment.execute(bed.openCommand());

      expect(bed.gateway.chargeCalls).toBe(0);
      expect(bed.payments.payments.get(bed.orderId)?.status).toBe('CANCELLED');
    });

    it('refunds once a charge already sent to the gateway when the cancellation came', async () => {
      const bed = interleavingBed();
      await bed.openPayment.execute(bed.openCommand());
      const reserved = bed.chargeCommand();
      bed.gateway.loseNextAnswer();
      await expect(bed.chargePayment.execute(reserved)).rejects.toThrow('connection lost');

      await bed.cancelPayment.execute(bed.cancelCommand());
      await bed.chargePayment.execute(reserved);

      expect(bed.gateway.charges.size).toBe(1);
      expect(bed.gateway.refunds.size).toBe(1);
      expect(bed.payments.payments.get(bed.orderId)?.status).toBe('REFUNDED');
    });
  });

  it('leaves other orders alone', async () => {
    const bed = paymentTestBed();
    await bed.openPayment.execute(bed.openCommand());

    await bed.chargePayment.execute({ ...bed.chargeCommand(), orderId: randomUUID() });

    expect(bed.gateway.chargeCalls).toBe(0);
    expect(bed.payments.payments.get(bed.orderId)?.status).toBe('AWAITING_RESERVATION');
  });
});
