import {
  type Admin,
  type Batch,
  type Consumer,
  type EachBatchPayload,
  type Kafka,
  type Message,
  Partitioners,
  type Producer,
} from 'kafkajs';
import {
  describeDeadLetter,
  formatPosition,
  matchesFilter,
  toRedrivenMessage,
} from './dead-letter-message';
import {
  type PartitionStart,
  type ReasonCounts,
  type RedriveItem,
  type RedriveOptions,
  type RedrivePlan,
  type RedriveReport,
} from './redrive-model';

const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 10_000;

interface Progress {
  readonly partition: number;
  readonly from: bigint;
  readonly end: bigint;
  next: bigint;
  /** A message at or past `end` was seen: the gap before it held nothing to deliver. */
  passedEnd: boolean;
}

/** One dead letter handled in a batch: selected (with what to send where) or skipped. */
interface Handled {
  readonly reason: string;
  readonly selected?: { readonly item: RedriveItem; readonly message: Message };
}

/**
 * One consumer pass over the dead-letter topic: each batch is republished in one send, then
 * its offsets are resolved (and committed, if the plan says so), so a failed send leaves the
 * batch pending. It ends when every partition reached its end as of the start, when the
 * bound is reached, or with an error when nothing arrives for the idle timeout.
 */
export class RedriveRun {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly progress: Map<number, Progress>;
  private readonly reasons = new Map<string, { matched: number; skipped: number }>();
  private readonly targets = new Map<string, number>();
  private readonly idleTimeoutMs: number;
  private read = 0;
  private matched = 0;
  private republished = 0;
  private stoppedBy: RedriveReport['stoppedBy'] = 'end';
  private settled = false;
  private failure: { readonly error: unknown } | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private resolveFinished: () => void = () => undefined;

  constructor(
    kafka: Kafka,
    private readonly admin: Admin,
    private readonly plan: RedrivePlan,
    starts: readonly PartitionStart[],
    private readonly knownTopics: Set<string>,
    private readonly options: RedriveOptions,
  ) {
    this.progress = new Map(
      starts.map((start) => [start.partition, { ...start, next: start.from, passedEnd: false }]),
    );
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    // A short fetch wait makes the final disconnect quick; batches still arrive at once.
    this.consumer = kafka.consumer({
      groupId: plan.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
    });
    // Bounded retries (the idempotent default is endless) so a lost broker fails the run
    // instead of hanging it; a duplicate from a retry is harmless to consumers deduping by id.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 5 },
    });
  }

  async execute(): Promise<RedriveReport> {
    const finished = new Promise<void>((resolve) => {
      this.resolveFinished = resolve;
    });
    const dryRun = this.options.dryRun === true;
    try {
      if (!dryRun) await this.producer.connect();
      await this.consumer.connect();
      await this.consumer.subscribe({ topics: [this.plan.dlqTopic], fromBeginning: true });
      this.listen();
      this.touch();
      await this.consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => this.handleBatch(payload),
      });
      // Start where the plan says: the re-drive group's position, also for a throwaway group
      // (kafkajs applies a seek before its next fetch and drops any fetch already under way).
      for (const progress of this.progress.values()) {
        this.consumer.seek({
          topic: this.plan.dlqTopic,
          partition: progress.partition,
          offset: progress.from.toString(),
        });
      }
      await finished;
    } finally {
      clearTimeout(this.idleTimer);
      await closeWithin(() => this.consumer.disconnect());
      if (!dryRun) await closeWithin(() => this.producer.disconnect());
    }
    if (this.failure) throw this.failure.error;
    return this.report();
  }

  report(): RedriveReport {
    const skipped = [...this.reasons.values()].reduce((sum, counts) => sum + counts.skipped, 0);
    return {
      topic: this.plan.topic,
      dlqTopic: this.plan.dlqTopic,
      groupId: this.plan.groupId,
      committed: this.plan.commits,
      dryRun: this.options.dryRun === true,
      read: this.read,
      matched: this.matched,
      republished: this.republished,
      skipped,
      byReason: Object.fromEntries<ReasonCounts>(this.reasons),
      byTarget: Object.fromEntries(this.targets),
      stoppedBy: this.stoppedBy,
      partitions: [...this.progress.values()].map((progress) => ({
        partition: progress.partition,
        from: progress.from.toString(),
        to: progress.next.toString(),
        end: progress.end.toString(),
      })),
    };
  }

  private listen(): void {
    const { events } = this.consumer;
    this.consumer.on(events.CRASH, ({ payload }) => {
      this.fail(payload.error);
    });
    this.consumer.on(events.GROUP_JOIN, ({ payload }) => {
      const assigned = new Set(payload.memberAssignment[this.plan.dlqTopic] ?? []);
      const missing = [...this.progress.keys()].filter((partition) => !assigned.has(partition));
      if (missing.length > 0) {
        this.fail(
          new Error(
            `group ${this.plan.groupId} has another member (partitions ${missing.join(', ')} ` +
              'went to it); is another re-drive running?',
          ),
        );
      }
    });
    // A batch of only transaction markers or aborted messages never reaches eachBatch, but
    // kafkajs moves past it; follow it, or a partition ending in a marker never looks done.
    this.consumer.on(events.END_BATCH_PROCESS, ({ payload }) => {
      const progress = this.progress.get(payload.partition);
      if (payload.batchSize > 0 || progress === undefined) return;
      const next = BigInt(payload.lastOffset) + 1n;
      if (next > progress.next) progress.next = next < progress.end ? next : progress.end;
      this.touch();
      this.finishIfDone();
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const progress = this.progress.get(batch.partition);
    if (this.settled || progress === undefined || !payload.isRunning() || payload.isStale()) {
      return;
    }
    try {
      const last = await this.redriveBatch(batch, progress);
      if (last !== undefined) {
        payload.resolveOffset(last);
        progress.next = BigInt(last) + 1n;
        if (this.plan.commits) {
          await this.consumer.commitOffsets([
            { topic: batch.topic, partition: batch.partition, offset: progress.next.toString() },
          ]);
        }
      } else if (progress.next > 0n) {
        // Nothing handled (only messages before the start or past the end): keep the fetch
        // position where the run is, so the same batch is not fetched again and again.
        payload.resolveOffset((progress.next - 1n).toString());
      }
      // Only real progress keeps the idle timer from firing.
      if (last !== undefined || isDone(progress)) this.touch();
      // Whatever arrives past the end is the next run's; stop fetching it.
      if (isDone(progress)) payload.pause();
      await payload.heartbeat();
      this.finishIfDone();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Republishes the selected messages of one batch; returns the last offset handled. */
  private async redriveBatch(batch: Batch, progress: Progress): Promise<string | undefined> {
    const handled: Handled[] = [];
    let selected = this.matched;
    let last: string | undefined;
    for (const message of batch.messages) {
      const offset = BigInt(message.offset);
      if (offset < progress.next) continue;
      if (offset >= progress.end) {
        progress.passedEnd = true;
        break;
      }
      if (this.limitReached(selected)) break;
      const info = describeDeadLetter(message);
      const position = {
        dlqTopic: this.plan.dlqTopic,
        partition: batch.partition,
        offset: message.offset,
      };
      if (matchesFilter(info, this.plan.filter)) {
        const target = info.sourceTopic ?? this.plan.topic;
        handled.push({
          reason: info.reason,
          selected: {
            item: { ...position, info, target },
            message: toRedrivenMessage(message, position, new Date()),
          },
        });
        selected += 1;
      } else {
        handled.push({ reason: info.reason });
      }
      last = message.offset;
    }
    if (this.options.dryRun !== true) await this.send(handled);
    this.count(handled);
    return last;
  }

  private async send(handled: readonly Handled[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const { selected } of handled) {
      if (selected === undefined) continue;
      const { item, message } = selected;
      await this.assertTopicExists(item);
      const messages = byTopic.get(item.target) ?? [];
      messages.push(message);
      byTopic.set(item.target, messages);
    }
    if (byTopic.size === 0) return;
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }

  /** Without auto-creation, a send to a missing topic would only retry until it gives up. */
  private async assertTopicExists(item: RedriveItem): Promise<void> {
    if (this.knownTopics.has(item.target)) return;
    for (const topic of await this.admin.listTopics()) this.knownTopics.add(topic);
    if (!this.knownTopics.has(item.target)) {
      throw new Error(
        `cannot republish ${formatPosition(item)}: its topic "${item.target}" does not exist`,
      );
    }
  }

  private count(handled: readonly Handled[]): void {
    for (const { reason, selected } of handled) {
      const counts = this.reasons.get(reason) ?? { matched: 0, skipped: 0 };
      this.reasons.set(reason, counts);
      this.read += 1;
      if (selected === undefined) {
        counts.skipped += 1;
        continue;
      }
      const { item } = selected;
      counts.matched += 1;
      this.matched += 1;
      if (this.options.dryRun !== true) this.republished += 1;
      this.targets.set(item.target, (this.targets.get(item.target) ?? 0) + 1);
      this.options.onMessage?.(item);
    }
  }

  private limitReached(selected: number): boolean {
    const max = this.options.maxMessages;
    return max !== undefined && selected >= max;
  }

  private finishIfDone(): void {
    if ([...this.progress.values()].every(isDone)) this.settle('end');
    else if (this.limitReached(this.matched)) this.settle('max-messages');
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
    clearTimeout(this.idleTimer);
    this.resolveFinished();
  }

  /** Restarts the idle timer: called whenever the run moves. */
  private touch(): void {
    if (this.settled) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      const behind = [...this.progress.values()]
        .filter((progress) => !isDone(progress))
        .map(
          (progress) => `partition ${progress.partition} at ${progress.next} of ${progress.end}`,
        );
      this.fail(
        new Error(
          `no progress on ${this.plan.dlqTopic} for ${this.idleTimeoutMs / 1000}s (${behind.join(', ')})`,
        ),
      );
    }, this.idleTimeoutMs);
  }
}

function isDone(progress: Progress): boolean {
  return progress.passedEnd || progress.next >= progress.end;
}

/** Disconnecting waits for an in-flight batch; never let a stuck one hold the process. */
async function closeWithin(close: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CLOSE_TIMEOUT_MS);
  });
  try {
    await Promise.race([close(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
