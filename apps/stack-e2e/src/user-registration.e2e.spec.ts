import { randomUUID } from 'node:crypto';
import { createEvent, deadLetterTopicOf, TOPICS, userRegisteredV1 } from '@kafka-commerce/events';
import { waitFor } from '@kafka-commerce/testing';
import { findMessage, header, produce } from './support/kafka';
import { postJson, queryDatabase, serviceUrl } from './support/stack';

interface ContactRow extends Record<string, unknown> {
  user_id: string;
  email: string;
  username: string;
  phone: string | null;
  source_event_id: string;
}

function contactOf(userId: string): Promise<ContactRow | undefined> {
  return queryDatabase<ContactRow>('notification', 'SELECT * FROM contacts WHERE user_id = $1', [
    userId,
  ]).then((rows) => rows[0]);
}

function newUser() {
  const id = randomUUID().slice(0, 8);
  return {
    email: `Ada.${id}@Example.com`,
    username: `ada-${id}`,
    password: 'correct horse battery',
  };
}

describe('user registration → user.registered → notification contact', () => {
  it('stores the user and, through Kafka, records the contact in notification-service', async () => {
    const user = { ...newUser(), phone: '+44 20 7946 0000', source: 'mobile' };
    const response = await postJson(`${serviceUrl('user')}/users`, user);

    expect(response.status).toBe(201);
    const body = response.body as Record<string, unknown>;
    expect(body).toEqual({
      id: expect.any(String),
      email: user.email.toLowerCase(),
      username: user.username,
      createdAt: expect.any(String),
    });
    const userId = body.id as string;
    const [stored] = await queryDatabase(
      'user',
      'SELECT email, password_hash, source FROM users WHERE id = $1',
      [userId],
    );
    expect(stored).toMatchObject({ email: user.email.toLowerCase(), source: 'mobile' });
    expect(stored?.password_hash).toMatch(/^\$argon2id\$/);

    const contact = await waitFor(() => contactOf(userId), { description: 'the contact row' });
    expect(contact).toMatchObject({
      email: user.email.toLowerCase(),
      username: user.username,
      phone: user.phone,
    });
  });

  it('refuses a second account with the same email, whatever its case (409)', async () => {
    const user = newUser();
    expect((await postJson(`${serviceUrl('user')}/users`, user)).status).toBe(201);
    const again = await postJson(`${serviceUrl('user')}/users`, {
      ...user,
      email: user.email.toUpperCase(),
    });
    expect(again.status).toBe(409);
  });

  it('answers invalid input with 400 and a message per field', async () => {
    const response = await postJson(`${serviceUrl('user')}/users`, {
      email: 'not-an-email',
      username: 'ada',
      password: 'short',
      source: 'fax',
    });
    expect(response.status).toBe(400);
    const fields = (response.body as { errors: { field: string }[] }).errors.map(
      (error) => error.field,
    );
    expect(fields.sort()).toEqual(['email', 'password', 'source']);
  });

  it('applies an event delivered twice only once', async () => {
    const event = createEvent(
      userRegisteredV1,
      {
        userId: randomUUID(),
        email: `twice-${randomUUID().slice(0, 8)}@example.com`,
        username: 'twice',
        source: 'api',
        registeredAt: new Date().toISOString(),
      },
      { producer: 'stack-e2e', correlationId: randomUUID() },
    );
    const message = { key: event.key, value: JSON.stringify(event.envelope) };
    await produce(event.topic, [message, message]);

    await waitFor(() => contactOf(event.key), { description: 'the contact row' });
    // A later event on the same key (same partition) proves both copies were consumed.
    const later = createEvent(
      userRegisteredV1,
      { ...event.envelope.payload, username: 'later' },
      {
        producer: 'stack-e2e',
        correlationId: randomUUID(),
      },
    );
    await produce(later.topic, [{ key: later.key, value: JSON.stringify(later.envelope) }]);
    await waitFor(
      async () =>
        (await contactOf(event.key))?.source_event_id === later.envelope.eventId ? true : undefined,
      { description: 'the later event to be applied' },
    );
    const inbox = await queryDatabase(
      'notification',
      'SELECT 1 FROM processed_events WHERE event_id = $1',
      [event.envelope.eventId],
    );
    expect(inbox).toHaveLength(1);
  });

  it('dead-letters a malformed message with its reason and keeps consuming the partition', async () => {
    const userId = randomUUID();
    await produce(TOPICS.users.name, [{ key: userId, value: '{ this is not json' }]);
    const valid = createEvent(
      userRegisteredV1,
      {
        userId,
        email: `after-poison-${userId.slice(0, 8)}@example.com`,
        username: 'after-poison',
        source: 'web',
        registeredAt: new Date().toISOString(),
      },
      { producer: 'stack-e2e', correlationId: randomUUID() },
    );
    await produce(valid.topic, [{ key: valid.key, value: JSON.stringify(valid.envelope) }]);

    await waitFor(() => contactOf(userId), { description: 'the event after the poison message' });
    // Every consumer group of the topic parks its own copy, and each says who it was.
    for (const consumer of TOPICS.users.consumers.map(
      (service) => `${service}.${TOPICS.users.name}`,
    )) {
      const letter = await findMessage(
        deadLetterTopicOf(TOPICS.users.name),
        (message) =>
          message.key?.toString() === userId && header(message, 'dlq-consumer') === consumer,
      );
      expect(letter.value?.toString()).toBe('{ this is not json');
      expect(header(letter, 'dlq-reason')).toBe('invalid_json');
      expect(header(letter, 'dlq-source-topic')).toBe(TOPICS.users.name);
      expect(header(letter, 'dlq-source-offset')).toMatch(/^\d+$/);
    }
  });
});
