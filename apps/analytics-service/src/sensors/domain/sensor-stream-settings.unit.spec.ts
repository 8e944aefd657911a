import { type SensorStreamSettings, sensorSettingsErrors } from './sensor-stream-settings';

const current: SensorStreamSettings = {
  alertThreshold: 80,
  anomalySensitivity: 4.5,
  windowMaxReadings: 1000,
  windowMaxAgeMs: 5000,
  plausibleMin: -90,
  plausibleMax: 150,
};

function errorsOf(change: Partial<SensorStreamSettings>): string[] {
  const fields = Object.keys(change) as (keyof SensorStreamSettings)[];
  return sensorSettingsErrors({ ...current, ...change }, new Set(fields)).map((e) => e.field);
}

describe('sensorSettingsErrors', () => {
  it('accepts settings within their ranges', () => {
    expect(errorsOf({ alertThreshold: -40.5, anomalySensitivity: 0.5 })).toEqual([]);
    expect(errorsOf({ windowMaxReadings: 1, windowMaxAgeMs: 86_400_000 })).toEqual([]);
    expect(errorsOf({ plausibleMin: -1_000_000, plausibleMax: 1_000_000 })).toEqual([]);
  });

  it.each<[keyof SensorStreamSettings, number]>([
    ['alertThreshold', 1_000_001],
    ['alertThreshold', Number.NaN],
    ['anomalySensitivity', 0],
    ['anomalySensitivity', -1],
    ['anomalySensitivity', 1001],
    ['windowMaxReadings', 0],
    ['windowMaxReadings', 2.5],
    ['windowMaxReadings', 1_000_001],
    ['windowMaxAgeMs', 0],
    ['windowMaxAgeMs', 86_400_001],
    ['plausibleMin', -1_000_001],
    ['plausibleMax', Number.POSITIVE_INFINITY],
  ])('refuses %s = %d, naming it', (field, value) => {
    expect(errorsOf({ [field]: value })).toEqual([field]);
  });

  it('says what the rule is', () => {
    expect(
      sensorSettingsErrors({ ...current, windowMaxReadings: 0 }, new Set(['windowMaxReadings'])),
    ).toEqual([
      {
        field: 'windowMaxReadings',
        messages: ['windowMaxReadings must be an integer from 1 to 1000000'],
      },
    ]);
  });

  it('keeps plausibleMin below plausibleMax, naming the bound being changed', () => {
    expect(errorsOf({ plausibleMin: 150 })).toEqual(['plausibleMin']);
    expect(errorsOf({ plausibleMax: -90 })).toEqual(['plausibleMax']);
    expect(errorsOf({ plausibleMin: 10, plausibleMax: 0 })).toEqual(['plausibleMin']);
    expect(errorsOf({ plausibleMin: 151, plausibleMax: 200 })).toEqual([]);
  });

  it('does not judge a field nobody is changing (the environment may set any)', () => {
    const fromEnvironment = { ...current, windowMaxAgeMs: 10 * 86_400_000 };
    expect(sensorSettingsErrors(fromEnvironment, new Set(['alertThreshold']))).toEqual([]);
  });
});
