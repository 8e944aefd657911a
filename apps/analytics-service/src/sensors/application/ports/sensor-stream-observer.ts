import { type SensorFault } from '../../domain/anomaly-detector';
import { type RejectionReason } from '../../domain/reading-cleaning';

/** What one committed batch of readings came to, beyond its windows. */
export interface StreamOutcome {
  readonly rejected: readonly RejectionReason[];
  readonly duplicates: number;
  readonly lateWindowUpdates: number;
  readonly lateDropped: number;
  readonly anomalies: readonly SensorFault[];
}

/** Port: told of each committed batch's outcome (e.g. to count it at /metrics). */
export abstract class SensorStreamObserver {
  abstract batchCommitted(outcome: StreamOutcome): void;
}
