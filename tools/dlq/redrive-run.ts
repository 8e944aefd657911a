import { type Admin, type Consumer, type EachBatchPayload, type Kafka } from 'kafkajs';
import { selectFromBatch } from './batch-selection';
import { closeWithin } from './close-within';
import { IdleWatchdog } from './idle-watchdog';
import {
  type PartitionStart,
  type RedriveOptions,
  type RedrivePlan,
  type RedriveReport,
} from './redrive-model';
import { isDone, type PartitionCursor, RedriveProgress } from './redrive-progress';
import { RedriveTally } from './redrive-tally';
import { Republisher } from './republisher';
import { watchConsumer } from './watch-consumer';

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/**
 * One consumer pass over the dead-letter topic: each batch is republished in one send, then
 * its offsets are resolved (and committed, if the plan says so), so a failed send leaves the
 * batch pending. It ends when every partition reached its end as of the start, when the
 * bound is reached, or with an error when nothing arrives for the idle timeout.
 */
export class RedriveRun {
  private readonly consumer: Consumer;
  private readonly republisher: Republisher;
  private readonly progress: RedriveProgress;
  private readonly tally: RedriveTally;
  private readonly idle: IdleWatchdog;
  private stoppedBy: RedriveReport['stoppedBy'] = 'end';
  private settled = false;
  private failure: { readonly error: unknown } | undefined;
  private resolveFinished: () => void = () => undefined;

  constructor(
    kafka: Kafka,
    admin: Admin,
    private readonly plan: RedrivePlan,
    private readonly starts: readonly PartitionStart[],
    knownTopics: Set<string>,
    private readonly options: RedriveOptions,
  ) {
    this.progress = new RedriveProgress(starts);
    this.tally = new RedriveTally(options);
    this.republisher = new Republisher(kafka, admin, knownTopics);
    this.idle = new IdleWatchdog(options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS, () => {
      this.failIdle();
    });
    // A short fetch wait makes the final disconnect quick; batches still arrive at once.
    this.consumer = kafka.consumer({
      groupId: plan.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
    });
  }

  private get dryRun(): boolean {
    return this.options.dryRun === true;
  }

  async execute(): Promise<RedriveReport> {
    const finished = new Promise<void>((resolve) => {
      this.resolveFinished = resolve;
    });
    try {
      if (!this.dryRun) await this.republisher.connect();
      await this.consume();
      await finished;
    } finally {
      this.idle.stop();
      await closeWithin(() => this.consumer.disconnect());
      if (!this.dryRun) await closeWithin(() => this.republisher.disconnect());
    }
    if (this.failure) throw this.failure.error;
    return this.report();
  }

  report(): RedriveReport {
    return {
      topic: this.plan.topic,
      dlqTopic: this.plan.dlqTopic,
      groupId: this.plan.groupId,
      committed: this.plan.commits,
      dryRun: this.dryRun,
      ...this.tally.counts(),
      stoppedBy: this.stoppedBy,
      partitions: this.progress.report(),
    };
  }

  private async consume(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.plan.dlqTopic], fromBeginning: true });
    watchConsumer(this.consumer, this.plan, this.progress, {
      fail: (error) => {
        this.fail(error);
      },
      moved: () => {
        this.touch();
        this.finishIfDone();
      },
    });
    this.touch();
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    // Start where the plan says: the re-drive group's position, also for a throwaway group
    // (kafkajs applies a seek before its next fetch and drops any fetch already under way).
    for (const { partition, from } of this.starts) {
      this.consumer.seek({ topic: this.plan.dlqTopic, partition, offset: from.toString() });
    }
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const cursor = this.progress.cursor(payload.batch.partition);
    if (this.settled || cursor === undefined || !payload.isRunning() || payload.isStale()) {
      return;
    }
    try {
      const last = await this.redriveBatch(payload, cursor);
      await this.advance(payload, cursor, last);
      // Only real progress keeps the idle timer from firing.
      if (last !== undefined || isDone(cursor)) this.touch();
      // Whatever arrives past the end is the next run's; stop fetching it.
      if (isDone(cursor)) payload.pause();
      await payload.heartbeat();
      this.finishIfDone();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Republishes the selected dead letters of one batch; returns the last offset handled. */
  private async redriveBatch(
    { batch }: EachBatchPayload,
    cursor: PartitionCursor,
  ): Promise<string | undefined> {
    const { handled, last, passedEnd } = selectFromBatch(batch, cursor, this.plan, this.room());
    if (passedEnd) cursor.passedEnd = true;
    if (!this.dryRun) await this.republisher.send(handled);
    this.tally.count(handled);
    return last;
  }

  /** Moves the partition's position past what the batch handled (committing it if planned). */
  private async advance(
    payload: EachBatchPayload,
    cursor: PartitionCursor,
    last: string | undefined,
  ): Promise<void> {
    if (last !== undefined) {
      payload.resolveOffset(last);
      cursor.next = BigInt(last) + 1n;
      if (this.plan.commits) {
        const { topic, partition } = payload.batch;
        await this.consumer.commitOffsets([{ topic, partition, offset: cursor.next.toString() }]);
      }
    } else if (cursor.next > 0n) {
      // Nothing handled (only messages before the start or past the end): keep the fetch
      // position where the run is, so the same batch is not fetched again and again.
      payload.resolveOffset((cursor.next - 1n).toString());
    }
  }

  /** How many more dead letters the run may select (`maxMessages` bounds a run). */
  private room(): number {
    const max = this.options.maxMessages;
    return max === undefined ? Infinity : max - this.tally.matched;
  }

  private finishIfDone(): void {
    if (this.progress.done) this.settle('end');
    else if (this.room() <= 0) this.settle('max-messages');
  }

  private failIdle(): void {
    this.fail(
      new Error(
        `no progress on ${this.plan.dlqTopic} for ${this.idle.timeoutMs / 1000}s ` +
          `(${this.progress.describeBehind()})`,
      ),
    );
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.failure = { error };
    this.settle(this.stoppedBy);
  }

  private settle(stoppedBy: RedriveReport['stoppedBy']): void {
    if (this.settled) return;
    this.settled = true;
    this.stoppedBy = stoppedBy;
    this.idle.stop();
    this.resolveFinished();
  }

  /** Restarts the idle timer: called whenever the run moves. */
  private touch(): void {
    if (!this.settled) this.idle.touch();
  }
}
