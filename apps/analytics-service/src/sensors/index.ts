// The sensor stream's public face: the module, its live settings (the dashboard draws the
// alert threshold) and the bound every reading's temperature is checked against (config).
export { TEMPERATURE_LIMIT } from './domain/temperature-reading';
export { RuntimeSensorSettings } from './application/runtime-sensor-settings';
export { SensorsModule } from './sensors.module';
