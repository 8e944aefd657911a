import 'reflect-metadata';
import { refusal, validated } from '@kafka-commerce/testing';
import { SensorReadingsRequest } from './record-readings.request';

const valid = {
  sensorId: 'greenhouse-7',
  temperature: 21.5,
  timestamp: '2026-11-26T10:00:00.250Z',
};

// The service's real pipe, as POST /sensors/readings runs it.
const validate = (body: unknown) => validated(SensorReadingsRequest, body);
const fieldErrors = (body: unknown) => refusal(SensorReadingsRequest, body);

describe('SensorReadingsRequest', () => {
  it('passes a valid array of readings through', async () => {
    const readings = await validate([
      valid,
      { ...valid, timestamp: '2026-11-26T11:00:00+01:00', temperature: -40 },
    ]);
    expect(readings).toHaveLength(2);
    expect(readings[1]).toMatchObject({ temperature: -40 });
  });

  it('accepts 5,000 readings and refuses 5,001 or none', async () => {
    await expect(validate(Array(5000).fill(valid))).resolves.toHaveLength(5000);
    expect(await fieldErrors(Array(5001).fill(valid))).toEqual([
      { field: 'body', messages: [expect.stringContaining('5000')] },
    ]);
    expect(await fieldErrors([])).toEqual([{ field: 'body', messages: [expect.any(String)] }]);
  });

  it('refuses a body that is not an array with one message', async () => {
    const notAnArray = [{ field: 'body', messages: ['body: must be a JSON array of readings'] }];
    expect(await fieldErrors(valid)).toEqual(notAnArray);
    expect(await fieldErrors(undefined)).toEqual(notAnArray);
  });

  it('names each invalid field of each reading', async () => {
    const errors = await fieldErrors([
      valid,
      { sensorId: '', temperature: '21', timestamp: '2026-11-26 10:00' },
      { ...valid, sensorId: 'x'.repeat(101), extra: true },
    ]);
    expect(errors.map((error) => error.field).sort()).toEqual([
      '1.sensorId',
      '1.temperature',
      '1.timestamp',
      '2.extra',
      '2.sensorId',
    ]);
  });

  it('refuses a timestamp without a UTC offset, which the event contract would refuse', async () => {
    const errors = await fieldErrors([{ ...valid, timestamp: '2026-11-26T10:00:00' }]);
    expect(errors).toEqual([
      { field: '0.timestamp', messages: [expect.stringContaining('ISO datetime')] },
    ]);
  });

  it.each([
    ['an empty array', [[]], '0'],
    ['an array holding a reading', [[valid]], '0'],
    ['null', [null], '0'],
  ])('refuses a reading that is %s', async (_case, body, field) => {
    expect((await fieldErrors(body)).map((error) => error.field)).toContain(field);
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['an unpaired surrogate', 'a\ud800b'],
  ])('refuses a sensorId holding %s, naming it', async (_case, sensorId) => {
    expect(await fieldErrors([valid, { ...valid, sensorId }])).toEqual([
      { field: '1.sensorId', messages: [expect.stringContaining('must not contain')] },
    ]);
  });

  it('keeps a non-ASCII sensorId unchanged', async () => {
    const readings = await validate([{ ...valid, sensorId: 'serre-☕🍵' }]);
    expect(readings[0]?.sensorId).toBe('serre-☕🍵');
  });

  it('takes an optional unit, C or F, and names any other', async () => {
    const readings = await validate([
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
      { field: '0.unit', messages: [expect.stringContaining('"C"|"F"')] },
      { field: '1.unit', messages: [expect.stringContaining('"C"|"F"')] },
    ]);
  });

  it('refuses temperatures beyond a million degrees (implausible ones are the stream’s to refuse)', async () => {
    const errors = await fieldErrors([{ ...valid, temperature: 1e7 }]);
    expect(errors[0]?.field).toBe('0.temperature');
  });
});
