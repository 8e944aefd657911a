import { KafkaEventContext } from '@kafka-commerce/messaging';
import { userRegistered } from '../../../testing/events';
import { InMemoryProjections } from '../../../testing/in-memory-projections';
import { UserEventsConsumer } from '../../messaging/user-events.consumer';
import { GetSummaryHandler } from '../get-summary/get-summary.handler';
import { RecordUsersHandler } from './record-users.handler';

const delivery = new KafkaEventContext(['users', 0, 'analytics-service.users']);

describe('RecordUsersHandler', () => {
  it('counts each registered user once, whatever is redelivered', async () => {
    const projections = new InMemoryProjections();
    const consumer = new UserEventsConsumer(new RecordUsersHandler(projections.store));
    const events = [userRegistered(), userRegistered(), userRegistered()];
    await consumer.onUserEvents(events, delivery);
    await consumer.onUserEvents(events, delivery);
    // The same user under a new event id is still one user.
    await consumer.onUserEvents(
      [{ ...events[0]!, eventId: '99999999-9999-4999-8999-999999999999' }],
      delivery,
    );
    const summary = await new GetSummaryHandler(projections.reader).execute();
    expect(summary.usersRegistered).toBe(3);
  });
});
