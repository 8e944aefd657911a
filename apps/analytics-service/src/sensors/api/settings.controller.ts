import { settingsController } from '@kafka-commerce/platform';
import { RuntimeSensorSettings } from '../application/runtime-sensor-settings';
import { SensorSettingsResponse } from './sensor-settings.response';
import { UpdateSensorSettingsRequest } from './update-sensor-settings.request';

/** `GET`/`PATCH /settings` and `GET /settings/audit`, admin only (libs/platform's controller). */
export const SettingsController = settingsController({
  settings: RuntimeSensorSettings,
  request: UpdateSensorSettingsRequest,
  response: SensorSettingsResponse,
});
