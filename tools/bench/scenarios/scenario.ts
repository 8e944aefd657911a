import { type Measurement } from '../finish-line';

/** What every scenario run gets: the same topic, full of the same events. */
export interface ScenarioContext {
  readonly brokers: readonly string[];
  readonly topic: string;
  /** Messages on the topic; a run ends when it has handled this many. */
  readonly events: number;
  /** The bench database (messaging tables + `effects`). */
  readonly databaseUrl: string;
  readonly timeoutMs: number;
}

export interface Scenario {
  readonly id: string;
  readonly label: string;
  /** Consumes the whole topic with a fresh consumer group; `round` makes the group unique. */
  run(context: ScenarioContext, round: number): Promise<Measurement>;
}

/**
 * Partitions of the topic processed at once by one consumer: the runtime's default, set
 * explicitly on both the baseline and the runtime so they fetch alike.
 */
export const PARTITIONS_CONCURRENCY = 3;

/** The client settings MessagingModule.forRoot uses, so the baseline's client matches. */
export const KAFKA_CLIENT_OVERRIDES = { connectionTimeout: 3000, requestTimeout: 10_000 };
