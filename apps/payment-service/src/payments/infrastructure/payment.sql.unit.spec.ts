import { toDecimal } from '@kafka-commerce/money';
import { type PaymentRecord, storePayments, toPaymentFromRecord } from './payment.sql';

const record: PaymentRecord = {
  id: '0b7d3b1e-5f6a-4c2d-9e8f-1a2b3c4d5e6f',
  orderId: '5c1f2e3d-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
  userId: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  amount: '44.90',
  method: 'card',
  status: 'SUCCEEDED',
  reason: null,
  cancelRequested: false,
  providerReference: 'test_ch_1',
  refundReference: null,
  processedAt: new Date('2026-01-02T03:04:05.678Z'),
  refundedAt: null,
  createdAt: new Date('2026-01-02T03:04:05.000Z'),
};

describe('payment.sql', () => {
  it('reads the charge terms from a row that has them', () => {
    expect(toPaymentFromRecord(record).terms).toEqual({
      userId: record.userId,
      amount: toDecimal('44.90'),
      method: 'card',
    });
  });

  it('reads no terms while order.created has not been seen', () => {
    const awaiting = { ...record, status: 'AWAITING_ORDER' as const, userId: null, amount: null };
    expect(toPaymentFromRecord({ ...awaiting, method: null }).terms).toBeNull();
  });

  it('writes every column the domain can change, as parameters', () => {
    const sql = storePayments([toPaymentFromRecord(record)], null);
    expect(sql.values).toEqual(
      expect.arrayContaining(
        [record.userId, '44.90', 'card', 'SUCCEEDED', 'test_ch_1', record.processedAt].map(
          (value) => [value],
        ),
      ),
    );
  });
});
