import { type FaultStack } from './fault-stack';
import { type Fault, type Fixture, type FixturePlan, type LoadPlan, type LoadResult } from './load';

export interface Violation {
  /** The broken invariant, e.g. `stock-conserved` (see invariants.ts). */
  readonly invariant: string;
  readonly detail: string;
}

/** What a scenario gets: the stack, its own fixtures and load, and a place for findings. */
export interface ScenarioContext {
  readonly stack: FaultStack;
  /** The quick (CI) profile: scenarios scale their loads down. */
  readonly quick: boolean;
  /** Fresh customers and products, tracked for the invariant checks. */
  readonly fixture: (plan: FixturePlan) => Promise<Fixture>;
  /** A load on a fixture (its orders are tracked) with `fault` injected mid-load. */
  readonly load: (fixture: Fixture, plan: LoadPlan, fault?: Fault) => Promise<LoadResult>;
  /** Adds an order-service instance the load may place orders with (a second instance). */
  readonly addOrderServiceUrl: (url: string) => void;
  readonly removeOrderServiceUrl: (url: string) => void;
  /** A check only the scenario knows (e.g. poison reached the DLQ), run at quiescence. */
  readonly atQuiescence: (check: () => Promise<void>) => void;
  readonly violation: (invariant: string, detail: string) => void;
  readonly note: (text: string) => void;
}

/**
 * One fault drill. Adding one is a file under scenarios/ exporting a Scenario and a line in
 * scenarios/index.ts; the runner does the rest (quiescence, invariants, table, JSON).
 */
export interface Scenario {
  readonly name: string;
  /** One line for --list and the README. */
  readonly title: string;
  /** Part of the quick (CI) profile. */
  readonly quick: boolean;
  run(context: ScenarioContext): Promise<void>;
}

/** Thrown by a scenario that cannot run here (e.g. no permission to restart PostgreSQL). */
export class ScenarioSkipped extends Error {}
