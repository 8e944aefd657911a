import { readRecordsWithoutRegistry } from './compare-serialization';
import { evolutionCases, runEvolutionCase } from './evolution';
import { allFormats } from './formats';

/** The measured matrix: format → [v1→v2, v2→v1, v1→v2 with the field inserted mid-object]. */
function matrix(): Record<string, string[]> {
  const cases = evolutionCases();
  return Object.fromEntries(
    allFormats().map((format) => [
      format.name,
      cases.map((evolution) => runEvolutionCase(format, evolution)),
    ]),
  );
}

describe('schema evolution (order.created v1 ↔ v2 with an optional field)', () => {
  const results = matrix();
  const kept = 'works, unknown field kept (zod strips it)';

  it('JSON and MessagePack: readers ignore unknown fields', () => {
    expect(results.JSON).toEqual(['works', kept, 'works']);
    expect(results.MessagePack).toEqual(['works', kept, 'works']);
  });

  it('MessagePack with records: works while every reader shares the structures registry', () => {
    expect(results['MessagePack+records']).toEqual(['works', kept, 'works']);
    expect(readRecordsWithoutRegistry()).toMatch(/^fails: /);
  });

  it('protobuf: additions at the end work; derived field numbers break on insertion', () => {
    const [forward, backward, inserted] = results.Protobuf ?? [];

    expect([forward, backward]).toEqual(['works', 'works, field dropped']);
    expect(inserted).toMatch(/^fails: /);
  });

  it("Avro: resolving the writer's schema against the reader's works both ways", () => {
    expect(results.Avro).toEqual(['works', 'works, field dropped', 'works']);
  });
});
