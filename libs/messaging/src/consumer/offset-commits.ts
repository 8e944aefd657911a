import { type EachBatchPayload, type TopicPartitionOffsetAndMetadata } from 'kafkajs';

/** The part of a kafkajs consumer that commits offsets outside a batch. */
export interface OffsetCommitter {
  commitOffsets(offsets: TopicPartitionOffsetAndMetadata[]): Promise<void>;
}

/**
 * When one consumer's processed offsets reach Kafka. kafkajs commits after every batch of
 * every partition: one OffsetCommit, an append to `__consumer_offsets`, per partition batch.
 * In the saga bench that was a quarter of the broker's CPU per order. Here they are committed
 * together at most every `intervalMs`, a trailing commit follows the last batch, and stopping
 * commits at once. A crash loses at most the last interval's commits: those events are
 * delivered again and the inbox drops them, as it does after any redelivery.
 */
export class OffsetCommits {
  /** Next offset to read, per partition, of what was processed and not committed yet. */
  private readonly pending = new Map<number, string>();
  private timer: NodeJS.Timeout | undefined;
  private lastCommitAt = Date.now();
  private stopping = false;

  constructor(
    private readonly topic: string,
    private readonly consumer: OffsetCommitter,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Records a processed batch; commits when the interval has passed or the consumer stops. */
  async processed(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    this.pending.set(batch.partition, (BigInt(batch.lastOffset()) + 1n).toString());
    if (this.stopping || Date.now() - this.lastCommitAt >= this.intervalMs) {
      // The batch's payload commits even while kafkajs stops the consumer, when
      // `consumer.commitOffsets` silently does nothing: batches in flight at shutdown count.
      const offsets = this.take();
      await payload.commitOffsetsIfNecessary({
        topics: [{ topic: this.topic, partitions: offsets }],
      });
      return;
    }
    this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
  }

  /** Commits what is pending now; called before the consumer leaves its group. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.flush();
  }

  /** Forgets what is pending: the consumer is gone and its successor starts from the last commit. */
  abandon(): void {
    this.stopping = true;
    clearTimeout(this.timer);
    this.pending.clear();
  }

  private async flush(): Promise<void> {
    const offsets = this.take();
    if (offsets.length === 0) return;
    try {
      await this.consumer.commitOffsets(
        offsets.map((offset) => ({ topic: this.topic, ...offset })),
      );
    } catch (error) {
      // Put back what no later batch superseded; the next batch or timer tries again.
      for (const { partition, offset } of offsets) {
        if (!this.pending.has(partition)) this.pending.set(partition, offset);
      }
      if (!this.stopping) this.timer ??= setTimeout(() => void this.flush(), this.intervalMs);
      this.onError(error);
    }
  }

  private take(): { partition: number; offset: string }[] {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastCommitAt = Date.now();
    const offsets = [...this.pending].map(([partition, offset]) => ({ partition, offset }));
    this.pending.clear();
    return offsets;
  }
}
