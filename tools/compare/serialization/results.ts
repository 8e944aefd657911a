import { type Table } from '../../bench/report';
import { type Timing } from './measure';

export interface TitledTable extends Table {
  readonly title: string;
}

/** One format's figures on one data set, ratios against JSON measured in the same run. */
export interface Measurement extends Timing {
  readonly format: string;
  readonly meanBytes: number;
  readonly bytesRatio: number;
  /** Rates per CPU second (see measure.ts), over JSON's in the same run. */
  readonly encodeRatio: number;
  readonly decodeRatio: number;
  /** The first value that did not survive encode → decode exactly, or undefined. */
  readonly firstDifference: string | undefined;
}

export interface DataSetResult {
  /** `order.created v1` or `batch`. */
  readonly name: string;
  readonly values: number;
  readonly measurements: readonly Measurement[];
}

export interface FormatVerdict {
  readonly format: string;
  /** One line for an order pipeline, derived from the measured numbers. */
  readonly verdict: string;
}

/** Format name → evolution case id → outcome ("works", "fails: …"). */
export type EvolutionResults = Record<string, Record<string, string>>;
