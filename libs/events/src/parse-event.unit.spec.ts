import { createEvent } from './create-event';
import { parseEvent } from './parse-event';
import { userRegisteredV1, userRegisteredV1Fixture } from './users/user-registered.v1';

const origin = { producer: 'user-service', correlationId: 'req-1' };
const accepted = [userRegisteredV1] as const;

function encode(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

describe('parseEvent', () => {
  const valid = createEvent(userRegisteredV1, userRegisteredV1Fixture, origin).envelope;

  it('accepts a valid event and keys it by the aggregate id', () => {
    const outgoing = createEvent(userRegisteredV1, userRegisteredV1Fixture, origin);
    expect(outgoing.key).toBe(userRegisteredV1Fixture.userId);
    expect(outgoing.topic).toBe('users');
    const result = parseEvent(encode(outgoing.envelope), accepted);
    expect(result).toEqual({ ok: true, event: outgoing.envelope });
  });

  it.each([
    ['invalid_json', Buffer.from('{not json')],
    ['invalid_json', null],
    ['invalid_envelope', encode({ ...valid, eventId: 'not-a-uuid' })],
    ['unknown_type', encode({ ...valid, type: 'user.vanished' })],
    ['unsupported_version', encode({ ...valid, version: 99 })],
    ['invalid_payload', encode({ ...valid, payload: { ...valid.payload, email: 'nope' } })],
  ])('rejects with %s', (reason, body) => {
    const result = parseEvent(body, accepted);
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.reason).toBe(reason);
  });

  it('refuses to create an event whose payload breaks the schema', () => {
    expect(() =>
      createEvent(userRegisteredV1, { ...userRegisteredV1Fixture, source: 'fax' as 'web' }, origin),
    ).toThrow();
  });
});
