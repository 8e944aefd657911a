import { KafkaEventContext } from '@kafka-commerce/messaging';
import { paymentProcessed, paymentRefunded } from '../../../testing/events';
import { InMemoryProjections } from '../../../testing/in-memory-projections';
import { PaymentEventsConsumer } from '../../messaging/payment-events.consumer';
import { GetSummaryHandler } from '../get-summary/get-summary.handler';
import { RecordPaymentsHandler } from './record-payments.handler';

const delivery = new KafkaEventContext(['payments', 0, 'analytics-service.payments']);

const ORDER = '11111111-1111-4111-8111-111111111111';

describe('RecordPaymentsHandler', () => {
  it('computes the success rate over processed payments, each counted once', async () => {
    const projections = new InMemoryProjections();
    const consumer = new PaymentEventsConsumer(new RecordPaymentsHandler(projections.store));
    const summary = new GetSummaryHandler(projections.reader);
    expect((await summary.execute()).paymentSuccessRate).toBeNull();

    const succeeded = paymentProcessed(ORDER, 'SUCCEEDED');
    const events = [
      succeeded,
      paymentProcessed(ORDER, 'SUCCEEDED'),
      paymentProcessed(ORDER, 'FAILED'),
    ];
    await consumer.onPaymentEvents(events, delivery);
    // Redelivered, and re-sent under a new event id: neither counts again.
    await consumer.onPaymentEvents(events, delivery);
    await consumer.onPaymentEvents(
      [{ ...succeeded, eventId: '99999999-9999-4999-8999-999999999999' }],
      delivery,
    );
    // A refund does not make a charge attempt fail.
    await consumer.onPaymentEvents([paymentRefunded(ORDER, succeeded.payload.paymentId)], delivery);

    expect((await summary.execute()).paymentSuccessRate).toBe(0.6667);
  });
});
