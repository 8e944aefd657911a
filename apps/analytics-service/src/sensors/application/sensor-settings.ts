import { type WindowPolicy } from '../domain/window-policy';

/** The sensor stream's configuration; the class is also its injection token. */
export class SensorSettings {
  constructor(
    readonly window: WindowPolicy,
    readonly alertThreshold: number,
    readonly sweepIntervalMs: number,
  ) {}
}
