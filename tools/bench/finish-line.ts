import { type Consumer } from 'kafkajs';

/** One timed scenario run. */
export interface Measurement {
  /** Events handled when the clock stopped: the target. */
  readonly events: number;
  /** From the consumer's group join (partitions assigned) to the last event handled. */
  readonly seconds: number;
  /** From the scenario's start (client or Nest app creation) to the group join; not timed. */
  readonly startupSeconds: number;
  /** performance.now() of the target-th event, for scenarios that start the clock themselves. */
  readonly finishedAt: number;
}

/**
 * Counts handled events and times one scenario run. The clock starts when the consumer has
 * joined its group — so connecting, the Nest bootstrap and the join are left out, the same
 * way for every scenario — and stops when the target-th event is handled. A consumer crash,
 * a handler error or the deadline fails the run.
 */
export class FinishLine {
  private readonly createdAt = performance.now();
  private joinedAt: number | undefined;
  private finished: { readonly at: number; readonly events: number } | undefined;
  private handled = 0;
  private failure: { readonly error: unknown } | undefined;
  private wake: () => void = () => undefined;
  private announceJoin: () => void = () => undefined;
  private readonly joined = new Promise<void>((resolve) => {
    this.announceJoin = resolve;
  });
  private announceFailure: (error: unknown) => void = () => undefined;
  private readonly failed = new Promise<never>((_, reject) => {
    this.announceFailure = reject;
  });

  constructor(
    private readonly label: string,
    private readonly target: number,
  ) {
    this.failed.catch(() => undefined); // read by awaitJoin only
  }

  /** Times this consumer: its first group join starts the clock, a crash fails the run. */
  watch(consumer: Consumer): void {
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.joinedAt ??= performance.now();
      this.announceJoin();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.fail(payload.error);
    });
  }

  add(events: number): void {
    this.handled += events;
    if (this.finished === undefined && this.handled >= this.target) {
      this.finished = { at: performance.now(), events: this.handled };
      this.wake();
    }
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.announceFailure(error);
    this.wake();
  }

  /**
   * Resolves at the first group join (a scenario that produces while it consumes starts its
   * clock then); throws on a failure or when no join came within `timeoutMs`.
   */
  async awaitJoin(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`${this.label}: no group join within ${timeoutMs / 1000} s`));
      }, timeoutMs);
    });
    try {
      await Promise.race([this.joined, this.failed, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Resolves at the finish; throws on failure or when `timeoutMs` after creation passed. */
  async wait(timeoutMs: number): Promise<Measurement> {
    const remaining = Math.max(0, this.createdAt + timeoutMs - performance.now());
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      timer = setTimeout(resolve, remaining);
      if (this.finished !== undefined || this.failure !== undefined) resolve();
    });
    clearTimeout(timer);
    if (this.failure !== undefined) {
      throw new Error(`${this.label} failed: ${describe(this.failure.error)}`, {
        cause: this.failure.error,
      });
    }
    if (this.finished === undefined) {
      throw new Error(
        `${this.label} timed out: ${this.handled} of ${this.target} events handled ` +
          `after ${timeoutMs / 1000} s`,
      );
    }
    if (this.joinedAt === undefined) {
      throw new Error(`${this.label}: the consumer finished without reporting a group join`);
    }
    return {
      events: this.finished.events,
      seconds: (this.finished.at - this.joinedAt) / 1000,
      startupSeconds: (this.joinedAt - this.createdAt) / 1000,
      finishedAt: this.finished.at,
    };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
