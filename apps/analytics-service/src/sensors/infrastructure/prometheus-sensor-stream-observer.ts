import { Counter, type Registry } from 'prom-client';
import {
  SensorStreamObserver,
  type StreamOutcome,
} from '../application/ports/sensor-stream-observer';
import { type SensorFault } from '../domain/anomaly-detector';
import { type RejectionReason } from '../domain/reading-cleaning';

const REASONS: readonly RejectionReason[] = ['below_min', 'above_max'];
const FAULTS: readonly SensorFault[] = ['spike', 'drift', 'stuck'];
const LATE_OUTCOMES = ['window_updated', 'dropped'] as const;

/**
 * The cleaning stage and the detector at `/metrics`, counted per instance once a batch is
 * committed (sum them across instances). Every label value starts at 0, so a rate is there
 * before the first event.
 */
export class PrometheusSensorStreamObserver extends SensorStreamObserver {
  private readonly rejected: Counter<'reason'>;
  private readonly duplicates: Counter;
  private readonly late: Counter<'outcome'>;
  private readonly anomalies: Counter<'fault'>;

  constructor(registry: Registry) {
    super();
    const registers = [registry];
    this.rejected = new Counter({
      name: 'sensor_readings_rejected_total',
      help: 'Readings refused as physically implausible (kept in rejected_readings), by reason',
      labelNames: ['reason'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'sensor_readings_duplicates_total',
      help: 'Readings dropped because their sensor already had a reading at that timestamp',
      registers,
    });
    this.late = new Counter({
      name: 'sensor_readings_late_total',
      help: "Readings older than their sensor's last closed window: added to the stored window spanning them, or dropped",
      labelNames: ['outcome'],
      registers,
    });
    this.anomalies = new Counter({
      name: 'sensor_anomalies_total',
      help: 'Anomalies the detector raised, by fault',
      labelNames: ['fault'],
      registers,
    });
    for (const reason of REASONS) this.rejected.inc({ reason }, 0);
    for (const outcome of LATE_OUTCOMES) this.late.inc({ outcome }, 0);
    for (const fault of FAULTS) this.anomalies.inc({ fault }, 0);
  }

  batchCommitted(outcome: StreamOutcome): void {
    for (const reason of outcome.rejected) this.rejected.inc({ reason });
    if (outcome.duplicates > 0) this.duplicates.inc(outcome.duplicates);
    if (outcome.lateWindowUpdates > 0)
      this.late.inc({ outcome: 'window_updated' }, outcome.lateWindowUpdates);
    if (outcome.lateDropped > 0) this.late.inc({ outcome: 'dropped' }, outcome.lateDropped);
    for (const fault of outcome.anomalies) this.anomalies.inc({ fault });
  }
}
