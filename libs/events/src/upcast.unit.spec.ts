import { z } from 'zod';
import { createEvent } from './create-event';
import { defineEvent } from './define-event';
import { parseEvent } from './parse-event';
import { TOPICS } from './topics';
import { defineUpcaster, type Upcaster } from './upcast';

// Test-only versions of an imaginary event: v2 renamed `name` to `fullName`, v3 added a
// required `tier`. Nothing here touches the library's real registry.
const base = { type: 'test.widget-registered', topic: TOPICS.users.name } as const;

const widgetV1 = defineEvent({
  ...base,
  version: 1,
  schema: z.object({ widgetId: z.uuid(), name: z.string().min(1) }),
  key: (payload) => payload.widgetId,
});
const widgetV2 = defineEvent({
  ...base,
  version: 2,
  schema: z.object({ widgetId: z.uuid(), fullName: z.string().min(1) }),
  key: (payload) => payload.widgetId,
});
const widgetV3 = defineEvent({
  ...base,
  version: 3,
  schema: z.object({
    widgetId: z.uuid(),
    fullName: z.string().min(1),
    tier: z.enum(['free', 'paid']),
  }),
  key: (payload) => payload.widgetId,
});

const v1ToV2 = defineUpcaster({
  from: widgetV1,
  to: widgetV2,
  upcast: ({ widgetId, name }) => ({ widgetId, fullName: name }),
});
const v2ToV3 = defineUpcaster({
  from: widgetV2,
  to: widgetV3,
  upcast: (payload) => ({ ...payload, tier: 'free' as const }),
});
const upcasters: readonly Upcaster[] = [v1ToV2, v2ToV3];

const widgetId = '3f0c9b1e-2a4d-4c6e-8f10-1a2b3c4d5e6f';
const origin = { producer: 'test', correlationId: 'req-1' };

function encode(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

const v1Message = createEvent(widgetV1, { widgetId, name: 'Ada' }, origin).envelope;

describe('parseEvent with upcasters', () => {
  it('upcasts an old version step by step to the accepted one', () => {
    const result = parseEvent(encode(v1Message), [widgetV3], { upcasters });
    expect(result).toEqual({
      ok: true,
      event: {
        ...v1Message,
        version: 3,
        payload: { widgetId, fullName: 'Ada', tier: 'free' },
      },
    });
  });

  it('takes a single step when that is all it needs', () => {
    const v2Message = createEvent(widgetV2, { widgetId, fullName: 'Ada L.' }, origin).envelope;
    const result = parseEvent(encode(v2Message), [widgetV3], { upcasters });
    expect(result.ok && result.event.payload).toEqual({
      widgetId,
      fullName: 'Ada L.',
      tier: 'free',
    });
  });

  it('stops at the first accepted version on the way', () => {
    const result = parseEvent(encode(v1Message), [widgetV2, widgetV3], { upcasters });
    expect(result.ok && result.event).toMatchObject({ version: 2, payload: { fullName: 'Ada' } });
  });

  it('leaves an accepted version alone', () => {
    const v3Message = createEvent(
      widgetV3,
      { widgetId, fullName: 'Ada', tier: 'paid' },
      origin,
    ).envelope;
    const result = parseEvent(encode(v3Message), [widgetV3], { upcasters });
    expect(result).toEqual({ ok: true, event: v3Message });
  });

  it('validates the old payload against the old schema first', () => {
    const broken = { ...v1Message, payload: { widgetId, name: '' } };
    const result = parseEvent(encode(broken), [widgetV3], { upcasters });
    expect(result.ok ? undefined : result.reason).toBe('invalid_payload');
  });

  it('reports an upcaster that produces an invalid payload', () => {
    const sloppy = defineUpcaster({
      from: widgetV2,
      to: widgetV3,
      upcast: (payload) => ({ ...payload, tier: 'gold' as 'free' }),
    });
    const result = parseEvent(encode(v1Message), [widgetV3], { upcasters: [v1ToV2, sloppy] });
    expect(result.ok ? undefined : result.reason).toBe('upcast_failed');
  });

  it('reports an upcaster that throws, without throwing', () => {
    const failing = defineUpcaster({
      from: widgetV1,
      to: widgetV2,
      upcast: () => {
        throw new Error('boom');
      },
    });
    const result = parseEvent(encode(v1Message), [widgetV2], { upcasters: [failing] });
    expect(result).toMatchObject({ ok: false, reason: 'upcast_failed' });
    expect(result.ok ? undefined : result.detail).toContain('boom');
  });

  it.each([
    ['no upcaster at all', []],
    ['a broken chain', [v2ToV3]],
  ])('rejects an old version with %s as unsupported_version', (_name, registry) => {
    const result = parseEvent(encode(v1Message), [widgetV3], { upcasters: registry });
    expect(result.ok ? undefined : result.reason).toBe('unsupported_version');
  });

  it('does not downcast a newer version for an older consumer', () => {
    const v3Message = createEvent(
      widgetV3,
      { widgetId, fullName: 'Ada', tier: 'paid' },
      origin,
    ).envelope;
    const result = parseEvent(encode(v3Message), [widgetV1], { upcasters });
    expect(result.ok ? undefined : result.reason).toBe('unsupported_version');
  });

  it("uses the library's registry by default", () => {
    const result = parseEvent(encode(v1Message), [widgetV3]);
    expect(result.ok ? undefined : result.reason).toBe('unsupported_version');
  });
});

describe('defineUpcaster', () => {
  it('refuses to skip a version', () => {
    expect(() =>
      defineUpcaster({ from: widgetV1, to: widgetV3, upcast: () => ({}) as never }),
    ).toThrow(/next version/);
  });

  it('refuses to change the event type', () => {
    const other = defineEvent({ ...widgetV2, type: 'test.gadget-registered' });
    expect(() =>
      defineUpcaster({
        from: widgetV1,
        to: other,
        upcast: ({ name }) => ({ widgetId, fullName: name }),
      }),
    ).toThrow(/keeps one event type/);
  });
});
