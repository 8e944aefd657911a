import {
  decodeSettings,
  InvalidSettingsError,
  planSettingsChange,
  type SettingsDefinition,
} from './settings-definition';

interface Sample {
  readonly threshold: number;
  readonly limit: string;
  readonly enabled: boolean;
  readonly min: number;
  readonly max: number;
}

const definition: SettingsDefinition<Sample> = {
  scope: 'sample-service',
  defaults: { threshold: 80, limit: '10.00', enabled: true, min: -10, max: 10 },
  validate: (candidate, changed) => {
    const errors = [];
    if (candidate.threshold < 0)
      errors.push({ field: 'threshold', messages: ['threshold must not be negative'] });
    if (candidate.min >= candidate.max) {
      const field = changed.has('max') && !changed.has('min') ? 'max' : 'min';
      errors.push({ field, messages: ['min must be below max'] });
    }
    return errors;
  },
};

function refusedFields(patch: Record<string, unknown>): string[] {
  try {
    planSettingsChange(definition, definition.defaults, patch);
  } catch (error) {
    if (!(error instanceof InvalidSettingsError)) throw error;
    return error.errors.map((entry) => entry.field);
  }
  throw new Error('expected the change to be refused');
}

describe('planSettingsChange', () => {
  it('applies a partial change and records each changed field before and after', () => {
    const plan = planSettingsChange(definition, definition.defaults, {
      threshold: 75.5,
      limit: '20.00',
    });
    expect(plan.next).toEqual({ ...definition.defaults, threshold: 75.5, limit: '20.00' });
    expect(plan.changes).toEqual({
      threshold: { before: 80, after: 75.5 },
      limit: { before: '10.00', after: '20.00' },
    });
  });

  it('changes nothing when every field given already holds its value', () => {
    expect(planSettingsChange(definition, definition.defaults, { threshold: 80 }).changes).toEqual(
      {},
    );
    expect(planSettingsChange(definition, definition.defaults, {}).changes).toEqual({});
  });

  it('ignores fields given as undefined (absent from the request)', () => {
    expect(planSettingsChange(definition, definition.defaults, { max: undefined }).changes).toEqual(
      {},
    );
  });

  it.each([
    ['an unknown field', { colour: 'red' }, ['colour']],
    ['a number given as a string', { threshold: '75' }, ['threshold']],
    ['money given as a number', { limit: 20 }, ['limit']],
    ['a boolean given as a number', { enabled: 1 }, ['enabled']],
    ['NaN', { threshold: Number.NaN }, ['threshold']],
    ['null', { threshold: null }, ['threshold']],
    ['two bad fields', { threshold: 'x', colour: 1 }, ['threshold', 'colour']],
  ])('refuses %s, naming the field', (_case, patch, fields) => {
    expect(refusedFields(patch)).toEqual(fields);
  });

  it("refuses what the definition's rules refuse, naming the field the caller set", () => {
    expect(refusedFields({ threshold: -1 })).toEqual(['threshold']);
    expect(refusedFields({ min: 10 })).toEqual(['min']);
    expect(refusedFields({ max: -10 })).toEqual(['max']);
    expect(refusedFields({ min: 5, max: 5 })).toEqual(['min']);
  });

  it('judges a rule between fields on the settings in effect, not on the defaults', () => {
    const current = { ...definition.defaults, max: 100 };
    expect(planSettingsChange(definition, current, { min: 50 }).next).toMatchObject({
      min: 50,
      max: 100,
    });
  });
});

describe('decodeSettings', () => {
  it('takes the stored values over the defaults', () => {
    expect(decodeSettings(definition, { threshold: 60, limit: '5.00' })).toEqual({
      ...definition.defaults,
      threshold: 60,
      limit: '5.00',
    });
  });

  it('keeps the default of a field missing, unknown or stored in the wrong shape', () => {
    expect(
      decodeSettings(definition, { threshold: '60', enabled: null, colour: 'red', max: 5 }),
    ).toEqual({ ...definition.defaults, max: 5 });
  });
});
