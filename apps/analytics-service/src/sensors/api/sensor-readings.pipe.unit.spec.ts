import { BadRequestException } from '@nestjs/common';
import { SensorReadingsPipe } from './sensor-readings.pipe';

const valid = {
  sensorId: 'greenhouse-7',
  temperature: 21.5,
  timestamp: '2026-11-26T10:00:00.250Z',
};

async function fieldErrors(body: unknown): Promise<{ field: string; messages: string[] }[]> {
  try {
    await new SensorReadingsPipe().transform(body);
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as { errors: { field: string; messages: string[] }[] }).errors;
  }
  throw new Error('expected the body to be rejected');
}

describe('SensorReadingsPipe', () => {
  it('passes a valid array of readings through', async () => {
    const readings = await new SensorReadingsPipe().transform([
      valid,
      { ...valid, timestamp: '2026-11-26T11:00:00+01:00', temperature: -40 },
    ]);
    expect(readings).toHaveLength(2);
    expect(readings[1]).toMatchObject({ temperature: -40 });
  });

  it('accepts 5,000 readings and refuses 5,001 or none', async () => {
    await expect(new SensorReadingsPipe().transform(Array(5000).fill(valid))).resolves.toHaveLength(
      5000,
    );
    expect(await fieldErrors(Array(5001).fill(valid))).toEqual([
      { field: 'readings', messages: [expect.stringContaining('5000')] },
    ]);
    expect(await fieldErrors([])).toEqual([{ field: 'readings', messages: [expect.any(String)] }]);
  });

  it('refuses a body that is not an array with one message', async () => {
    const notAnArray = [
      { field: 'readings', messages: ['the body must be a JSON array of readings'] },
    ];
    expect(await fieldErrors(valid)).toEqual(notAnArray);
    expect(await fieldErrors(undefined)).toEqual(notAnArray);
  });

  it('names each invalid field of each reading', async () => {
    const errors = await fieldErrors([
      valid,
      { sensorId: '', temperature: '21', timestamp: '2026-11-26 10:00' },
      { ...valid, sensorId: 'x'.repeat(101), extra: true },
    ]);
    expect(errors.map((error) => error.field)).toEqual([
      'readings.1.sensorId',
      'readings.1.temperature',
      'readings.1.timestamp',
      'readings.2.extra',
      'readings.2.sensorId',
    ]);
  });

  it('refuses a timestamp without a UTC offset, which the event contract would refuse', async () => {
    const errors = await fieldErrors([{ ...valid, timestamp: '2026-11-26T10:00:00' }]);
    expect(errors).toEqual([
      { field: 'readings.0.timestamp', messages: [expect.stringContaining('ISO 8601')] },
    ]);
  });

  it.each([
    ['an empty array', [[]], 'readings'],
    ['an array holding a reading', [[valid]], 'readings'],
    ['null', [null], 'readings.0'],
  ])('refuses a reading that is %s', async (_case, body, field) => {
    expect((await fieldErrors(body)).map((error) => error.field)).toContain(field);
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['an unpaired surrogate', 'a\ud800b'],
  ])('refuses a sensorId holding %s, naming it', async (_case, sensorId) => {
    expect(await fieldErrors([valid, { ...valid, sensorId }])).toEqual([
      { field: 'readings.1.sensorId', messages: [expect.stringContaining('must not contain')] },
    ]);
  });

  it('keeps a non-ASCII sensorId unchanged', async () => {
    const readings = await new SensorReadingsPipe().transform([
      { ...valid, sensorId: 'serre-☕🍵' },
    ]);
    expect(readings[0]?.sensorId).toBe('serre-☕🍵');
  });

  it('takes an optional unit, C or F, and names any other', async () => {
    const readings = await new SensorReadingsPipe().transform([
      valid,
      { ...valid, unit: 'F', temperature: 70.7 },
      { ...valid, unit: 'C' },
    ]);
    expect(readings.map((reading) => reading.unit)).toEqual([undefined, 'F', 'C']);
    expect(
      await fieldErrors([
        { ...valid, unit: 'K' },
        { ...valid, unit: 'f' },
      ]),
    ).toEqual([
      { field: 'readings.0.unit', messages: [expect.stringContaining('C, F')] },
      { field: 'readings.1.unit', messages: [expect.stringContaining('C, F')] },
    ]);
  });

  it('refuses temperatures beyond a million degrees (implausible ones are the stream’s to refuse)', async () => {
    const errors = await fieldErrors([{ ...valid, temperature: 1e7 }]);
    expect(errors[0]?.field).toBe('readings.0.temperature');
  });
});
