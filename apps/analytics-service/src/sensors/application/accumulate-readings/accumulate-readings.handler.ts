import { Injectable, Logger } from '@nestjs/common';
import { type EventOf, type sensorTemperatureRecordedV1 } from '@kafka-commerce/events';
import { isPlausibleTemperature, type TemperatureReading } from '../../domain/temperature-reading';
import { accumulateReadings } from '../../domain/window-accumulator';
import { raiseAlerts } from '../raise-alerts';
import { SensorSettings } from '../sensor-settings';
import { WindowStore } from '../window-store';

export interface AccumulateReadings {
  readonly consumer: string;
  readonly events: readonly EventOf<typeof sensorTemperatureRecordedV1>[];
}

export interface AccumulateResult {
  readonly applied: number;
  readonly windowsClosed: number;
  readonly alertsRaised: number;
}

/**
 * Adds a batch of readings to their sensors' windows in one transaction with the inbox claim,
 * closing the windows that fill up or are past their age and raising their alerts.
 */
@Injectable()
export class AccumulateReadingsHandler {
  private readonly logger = new Logger(AccumulateReadingsHandler.name);

  constructor(
    private readonly windows: WindowStore,
    private readonly settings: SensorSettings,
  ) {}

  async execute({ consumer, events }: AccumulateReadings): Promise<AccumulateResult> {
    const result = await this.windows.inTransaction(async (tx) => {
      const fresh = await tx.claim(
        consumer,
        events.map((event) => event.eventId),
      );
      const readings = events.filter((event) => fresh.has(event.eventId)).map(toReading);
      const plausible = readings.filter((reading) => isPlausibleTemperature(reading.temperature));
      if (plausible.length < readings.length) {
        this.logger.warn(
          { ignored: readings.length - plausible.length },
          'readings beyond the plausible temperature range were not windowed',
        );
      }
      if (plausible.length === 0) return { applied: fresh.size, windowsClosed: 0, alertsRaised: 0 };
      const now = await tx.now();
      // Sorted, so that transactions touching the same sensors lock them in the same order.
      const sensorIds = [...new Set(plausible.map((reading) => reading.sensorId))].sort();
      const open = await tx.lockOpenWindows(sensorIds);
      const changes = accumulateReadings(open, plausible, now, this.settings.window);
      const alerts = raiseAlerts(changes.closed, this.settings.alertThreshold, now);
      const stillOpen = [...changes.open.values()].filter((window) => window !== null);
      const removed = [...changes.open]
        .filter(([sensorId, window]) => window === null && open.has(sensorId))
        .map(([sensorId]) => sensorId);
      await tx.save({ open: stillOpen, removed, closed: changes.closed, alerts });
      return {
        applied: fresh.size,
        windowsClosed: changes.closed.length,
        alertsRaised: alerts.length,
      };
    });
    this.logger.debug({ received: events.length, ...result }, 'readings windowed');
    return result;
  }
}

function toReading(event: EventOf<typeof sensorTemperatureRecordedV1>): TemperatureReading {
  return {
    sensorId: event.payload.sensorId,
    temperature: event.payload.temperature,
    timestamp: new Date(event.payload.timestamp),
    eventId: event.eventId,
    correlationId: event.correlationId,
  };
}
