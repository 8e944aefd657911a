import { sensorTemperatureRecordedV1ToV2 } from './sensors/sensor-temperature-recorded.v2';
import { type Upcaster } from './upcast';

/**
 * The library's upcasters, one per breaking change (vN → vN+1), declared with
 * `defineUpcaster`.
 */
export const UPCASTERS: readonly Upcaster[] = [sensorTemperatureRecordedV1ToV2];
