import 'reflect-metadata';
import { refusedFields, validated } from '@kafka-commerce/testing';
import { UpdateSensorSettingsRequest } from './update-sensor-settings.request';

// The service's real pipe, as PATCH /settings runs it.
const validate = (body: unknown) => validated(UpdateSensorSettingsRequest, body);
const rejectedFields = (body: unknown) => refusedFields(UpdateSensorSettingsRequest, body);

describe('UpdateSensorSettingsRequest', () => {
  it('takes any subset of the settings', async () => {
    await expect(validate({})).resolves.toEqual({});
    await expect(validate({ alertThreshold: 72.5 })).resolves.toMatchObject({
      alertThreshold: 72.5,
    });
    await expect(
      validate({
        alertThreshold: -10,
        anomalySensitivity: 3,
        windowMaxReadings: 100,
        windowMaxAgeMs: 1000,
        plausibleMin: -40,
        plausibleMax: 60,
      }),
    ).resolves.toMatchObject({ windowMaxReadings: 100, plausibleMax: 60 });
  });

  it.each([
    ['alertThreshold', '80'],
    ['alertThreshold', null],
    ['alertThreshold', 2_000_000],
    ['anomalySensitivity', 0],
    ['anomalySensitivity', -2],
    ['windowMaxReadings', 0],
    ['windowMaxReadings', 10.5],
    ['windowMaxReadings', '100'],
    ['windowMaxAgeMs', 0],
    ['windowMaxAgeMs', 100_000_000],
    ['plausibleMin', -2_000_000],
    ['plausibleMax', true],
  ])('refuses %s = %j, naming it', async (field, value) => {
    expect(await rejectedFields({ [field]: value })).toEqual([field]);
  });

  it('refuses a field that is not a setting, naming it', async () => {
    expect(await rejectedFields({ alertThreshold: 70, windowSize: 10 })).toEqual(['windowSize']);
  });
});
