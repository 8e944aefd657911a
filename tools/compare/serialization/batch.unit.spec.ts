import { ALL_EVENTS, envelopeSchema } from '@kafka-commerce/events';
import { generateBatch } from './batch';

describe('generateBatch', () => {
  it('is deterministic for a seed', () => {
    expect(generateBatch(50, 3)).toEqual(generateBatch(50, 3));
    expect(generateBatch(50, 3)).not.toEqual(generateBatch(50, 4));
  });

  it('makes valid envelopes of every event version, mostly varied', () => {
    const { envelopes, fixturesKept } = generateBatch(400);

    for (const envelope of envelopes) {
      const definition = ALL_EVENTS.find(
        (candidate) => candidate.type === envelope.type && candidate.version === envelope.version,
      );
      expect(
        envelopeSchema.extend({ payload: definition!.schema }).safeParse(envelope).success,
      ).toBe(true);
    }
    expect(new Set(envelopes.map((envelope) => `${envelope.type} v${envelope.version}`)).size).toBe(
      ALL_EVENTS.length,
    );
    expect(fixturesKept).toBeLessThan(envelopes.length / 10);
  });
});
