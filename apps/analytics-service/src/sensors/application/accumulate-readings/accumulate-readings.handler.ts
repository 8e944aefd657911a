import { Injectable, Logger } from '@nestjs/common';
import { type DetectorState } from '../../domain/anomaly-detector';
import { detectAnomalies } from '../../domain/detect-anomalies';
import { planLateReadings } from '../../domain/late-readings';
import { screenReadings } from '../../domain/reading-cleaning';
import { type IncomingReading, type TemperatureReading } from '../../domain/temperature-reading';
import { accumulateReadings } from '../../domain/window-accumulator';
import { raiseAlerts, raiseAnomalies } from '../raise-alerts';
import { SensorSettings } from '../sensor-settings';
import { SensorStreamObserver, type StreamOutcome } from '../ports/sensor-stream-observer';
import { type SensorStateWrite, WindowStore, type WindowTransaction } from '../ports/window-store';

export interface AccumulateReadings {
  readonly consumer: string;
  /** As they arrived, in order. */
  readonly readings: readonly IncomingReading[];
}

export interface AccumulateResult {
  /** Readings whose event this consumer had not handled before. */
  readonly applied: number;
  readonly windowsClosed: number;
  readonly alertsRaised: number;
  readonly anomaliesRaised: number;
}

const NO_CHANGE: AccumulateResult = {
  applied: 0,
  windowsClosed: 0,
  alertsRaised: 0,
  anomaliesRaised: 0,
};

const NOTHING: StreamOutcome = {
  rejected: [],
  duplicates: 0,
  lateWindowUpdates: 0,
  lateDropped: 0,
  anomalies: [],
};

/**
 * Cleans a batch of readings and adds them to their sensors' windows and anomaly detectors,
 * in one transaction with the inbox claim: the readings and the rejected ones stored (each
 * (sensor, timestamp) once), the windows that fill up or are past their age closed with their
 * threshold alerts, anomalies raised, late readings applied to their stored windows.
 */
@Injectable()
export class AccumulateReadingsHandler {
  private readonly logger = new Logger(AccumulateReadingsHandler.name);

  constructor(
    private readonly windows: WindowStore,
    private readonly settings: SensorSettings,
    private readonly observer: SensorStreamObserver,
  ) {}

  async execute({ consumer, readings }: AccumulateReadings): Promise<AccumulateResult> {
    // One version of the runtime settings for the whole batch, whatever changes meanwhile.
    const settings = this.settings.current();
    const screened = screenReadings(readings, settings.plausible);
    const { result, outcome } = await this.windows.inTransaction(async (tx) => {
      const admitted = await tx.admit(consumer, screened);
      const cleaning: StreamOutcome = {
        ...NOTHING,
        rejected: admitted.rejected.map((rejected) => rejected.reason),
        duplicates: admitted.duplicates,
      };
      const result = { ...NO_CHANGE, applied: admitted.fresh };
      if (admitted.readings.length === 0) return { result, outcome: cleaning };

      // Sorted, so that transactions touching the same sensors lock them in the same order.
      const sensorIds = [...new Set(admitted.readings.map((reading) => reading.sensorId))].sort();
      const locked = await tx.lockSensors(sensorIds);
      const { now } = locked;
      const changes = accumulateReadings(
        locked.windows,
        admitted.readings,
        now,
        settings.window,
        locked.closedUntil,
      );
      const detection = detectAnomalies(locked.detectors, changes.onTime, settings.detector);
      const alerts = raiseAlerts(changes.closed, settings.alertThreshold, now);
      const anomalies = raiseAnomalies(detection.anomalies, now);
      await tx.save({
        open: [...changes.open.values()].filter((window) => window !== null),
        removed: [...changes.open]
          .filter(([sensorId, window]) => window === null && locked.windows.has(sensorId))
          .map(([sensorId]) => sensorId),
        closed: changes.closed,
        alerts,
        anomalies,
        sensors: stateWrites(changes.closedUntil, detection.states),
      });
      const late = await absorbLate(tx, changes.late);
      return {
        result: {
          ...result,
          windowsClosed: changes.closed.length,
          alertsRaised: alerts.length,
          anomaliesRaised: anomalies.length,
        },
        outcome: {
          ...cleaning,
          lateWindowUpdates: late.updated,
          lateDropped: late.dropped,
          anomalies: detection.anomalies.map((anomaly) => anomaly.fault),
        },
      };
    });
    // Counted once committed: a batch that rolls back and is retried is not counted twice.
    this.observer.batchCommitted(outcome);
    this.logger.debug({ received: readings.length, ...result }, 'readings windowed');
    return result;
  }
}

function stateWrites(
  closedUntil: ReadonlyMap<string, Date>,
  detectors: ReadonlyMap<string, DetectorState>,
): SensorStateWrite[] {
  const sensorIds = new Set([...closedUntil.keys(), ...detectors.keys()]);
  return [...sensorIds].sort().map((sensorId) => ({
    sensorId,
    closedUntil: closedUntil.get(sensorId) ?? null,
    detector: detectors.get(sensorId) ?? null,
  }));
}

/** Applies the late-reading policy (see domain/late-readings). */
async function absorbLate(
  tx: WindowTransaction,
  late: readonly TemperatureReading[],
): Promise<{ updated: number; dropped: number }> {
  if (late.length === 0) return { updated: 0, dropped: 0 };
  const homes = await tx.findStoredWindows(late);
  const plan = planLateReadings(late.map((reading, i) => ({ reading, home: homes[i] ?? null })));
  if (plan.updated.length > 0) await tx.updateStoredWindows(plan.updated);
  return { updated: late.length - plan.dropped.length, dropped: plan.dropped.length };
}
