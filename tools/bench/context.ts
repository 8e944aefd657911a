import { type BenchSizes } from './sizes';

export type Log = (line: string) => void;

/** What every scenario gets: the sizes of this run, the bench broker and the bench database. */
export interface BenchContext {
  readonly quick: boolean;
  readonly sizes: BenchSizes;
  readonly brokers: readonly string[];
  /** Server URL without a database. */
  readonly postgresUrl: string;
  /** kc_bench_test: the messaging tables and `effects`. */
  readonly databaseUrl: string;
  readonly log: Log;
}
