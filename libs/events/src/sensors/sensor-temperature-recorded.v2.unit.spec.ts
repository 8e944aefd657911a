import { createEvent } from '../create-event';
import { parseEvent } from '../parse-event';
import {
  sensorTemperatureRecordedV1,
  sensorTemperatureRecordedV1Fixture,
} from './sensor-temperature-recorded.v1';
import { sensorTemperatureRecordedV2 } from './sensor-temperature-recorded.v2';

const origin = { producer: 'a-thermometer-gateway', correlationId: 'req-1' };

function encode(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

describe('sensor.temperature-recorded v2', () => {
  it('reads a v1 reading, which has no unit, as Celsius', () => {
    const v1 = createEvent(
      sensorTemperatureRecordedV1,
      sensorTemperatureRecordedV1Fixture,
      origin,
    ).envelope;
    const result = parseEvent(encode(v1), [sensorTemperatureRecordedV2]);
    expect(result).toEqual({
      ok: true,
      event: { ...v1, version: 2, payload: { ...sensorTemperatureRecordedV1Fixture, unit: 'C' } },
    });
  });

  it('keeps the unit a v2 reading carries, and refuses any other', () => {
    const payload = {
      sensorId: 's1',
      temperature: 98.6,
      unit: 'F',
      timestamp: '2026-11-26T10:00:00Z',
    };
    const v2 = createEvent(sensorTemperatureRecordedV2, { ...payload, unit: 'F' }, origin).envelope;
    const parsed = parseEvent(encode(v2), [sensorTemperatureRecordedV2]);
    expect(parsed.ok && parsed.event.payload.unit).toBe('F');
    const kelvin = parseEvent(encode({ ...v2, payload: { ...payload, unit: 'K' } }), [
      sensorTemperatureRecordedV2,
    ]);
    expect(kelvin).toMatchObject({ ok: false, reason: 'invalid_payload' });
  });
});
