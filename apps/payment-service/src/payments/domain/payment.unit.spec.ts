import { toDecimal } from '@kafka-commerce/money';
import {
  allowCharge,
  cancelPayment,
  isCharge,
  openPayment,
  type Payment,
  PAYMENT_STATUSES,
  type PaymentStatus,
  recordCharge,
  recordRefund,
  sendCharge,
} from './payment';

const now = new Date('2026-11-26T10:00:00.000Z');
const identity = { id: 'e4f5a6b7-c8d9-4e0f-b1a2-b3c4d5e6f7a8', orderId: 'order-1', now };
const terms = { userId: 'user-1', amount: toDecimal('44.98'), method: 'card' };

function paymentIn(status: PaymentStatus, changes: Partial<Payment> = {}): Payment {
  return {
    id: identity.id,
    orderId: identity.orderId,
    status,
    terms: status === 'AWAITING_ORDER' ? null : terms,
    cancelRequested: false,
    reason: null,
    providerReference: ['SUCCEEDED', 'FAILED', 'REFUNDED'].includes(status) ? 'ch_1' : null,
    refundReference: null,
    processedAt: null,
    refundedAt: null,
    createdAt: now,
    ...changes,
  };
}

describe('openPayment (order.created)', () => {
  it('stores the intent, waiting for the reservation', () => {
    expect(openPayment(null, terms, identity)).toMatchObject({
      status: 'AWAITING_RESERVATION',
      terms,
      orderId: 'order-1',
    });
  });

  it('decides to charge when the reservation came first (nothing is sent yet)', () => {
    expect(openPayment(paymentIn('AWAITING_ORDER'), terms, identity)).toMatchObject({
      status: 'CHARGE_DUE',
      terms,
    });
  });

  it.each(PAYMENT_STATUSES.filter((status) => status !== 'AWAITING_ORDER'))(
    'changes nothing once the order is known (%s)',
    (status) => {
      expect(openPayment(paymentIn(status), terms, identity)).toBeNull();
    },
  );
});

describe('allowCharge (inventory.reserved)', () => {
  it('decides to charge a known order (nothing is sent yet)', () => {
    expect(allowCharge(paymentIn('AWAITING_RESERVATION'), identity)).toMatchObject({
      status: 'CHARGE_DUE',
    });
  });

  it('remembers a reservation that arrives before its order', () => {
    expect(allowCharge(null, identity)).toMatchObject({ status: 'AWAITING_ORDER', terms: null });
  });

  it.each(PAYMENT_STATUSES.filter((status) => status !== 'AWAITING_RESERVATION'))(
    'never charges again, nor a cancelled order (%s)',
    (status) => {
      expect(allowCharge(paymentIn(status), identity)).toBeNull();
    },
  );
});

describe('sendCharge (right before the gateway call)', () => {
  it('sends a due charge', () => {
    expect(sendCharge(paymentIn('CHARGE_DUE'))).toMatchObject({ status: 'CHARGING' });
  });

  it.each(PAYMENT_STATUSES.filter((status) => status !== 'CHARGE_DUE'))(
    'sends nothing that is not due: a cancellation handled after the decision wins (%s)',
    (status) => {
      expect(sendCharge(paymentIn(status))).toBeNull();
    },
  );

  it('sends nothing for an unknown order', () => {
    expect(sendCharge(null)).toBeNull();
  });
});

describe('cancelPayment (order.cancelled)', () => {
  it.each(['AWAITING_ORDER', 'AWAITING_RESERVATION', 'CHARGE_DUE'] as const)(
    'closes an uncharged payment for good (%s)',
    (status) => {
      expect(cancelPayment(paymentIn(status), identity)).toMatchObject({ status: 'CANCELLED' });
    },
  );

  it('closes an order seen for the first time, so nothing can charge it later', () => {
    expect(cancelPayment(null, identity)).toMatchObject({ status: 'CANCELLED', terms: null });
  });

  it.each(['CHARGING', 'SUCCEEDED'] as const)(
    'asks for a refund of a committed or captured charge (%s)',
    (status) => {
      expect(cancelPayment(paymentIn(status), identity)).toMatchObject({
        status,
        cancelRequested: true,
      });
    },
  );

  it.each(['FAILED', 'REFUNDED', 'CANCELLED'] as const)('has nothing to undo (%s)', (status) => {
    expect(cancelPayment(paymentIn(status), identity)).toBeNull();
  });

  it('asks for a refund once', () => {
    expect(cancelPayment(paymentIn('SUCCEEDED', { cancelRequested: true }), identity)).toBeNull();
  });
});

describe('recordCharge', () => {
  it('records a success', () => {
    const outcome = { status: 'SUCCEEDED', providerReference: 'ch_1' } as const;
    expect(recordCharge(paymentIn('CHARGING'), outcome, now)).toMatchObject({
      status: 'SUCCEEDED',
      reason: null,
      providerReference: 'ch_1',
      processedAt: now,
    });
  });

  it('records a failure with its reason', () => {
    const outcome = {
      status: 'FAILED',
      reason: 'card_declined',
      providerReference: 'ch_1',
    } as const;
    expect(recordCharge(paymentIn('CHARGING'), outcome, now)).toMatchObject({
      status: 'FAILED',
      reason: 'card_declined',
    });
  });

  it.each(PAYMENT_STATUSES.filter((status) => status !== 'CHARGING'))(
    'records only the first answer to a committed charge (%s)',
    (status) => {
      const outcome = { status: 'SUCCEEDED', providerReference: 'ch_1' } as const;
      expect(recordCharge(paymentIn(status), outcome, now)).toBeNull();
    },
  );
});

describe('recordRefund', () => {
  it('refunds a captured charge of a cancelled order', () => {
    expect(
      recordRefund(paymentIn('SUCCEEDED', { cancelRequested: true }), 're_1', now),
    ).toMatchObject({ status: 'REFUNDED', refundReference: 're_1', refundedAt: now });
  });

  it('refunds nothing that was not asked for, nor twice', () => {
    expect(recordRefund(paymentIn('SUCCEEDED'), 're_1', now)).toBeNull();
    expect(recordRefund(paymentIn('REFUNDED', { cancelRequested: true }), 're_1', now)).toBeNull();
    expect(recordRefund(paymentIn('FAILED', { cancelRequested: true }), 're_1', now)).toBeNull();
  });
});

describe('isCharge', () => {
  it('shows clients charge attempts only, not intents', () => {
    const shown = PAYMENT_STATUSES.filter((status) => isCharge(paymentIn(status)));
    expect(shown).toEqual(['SUCCEEDED', 'FAILED', 'REFUNDED']);
  });
});
