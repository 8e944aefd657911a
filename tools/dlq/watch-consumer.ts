import { type Consumer } from 'kafkajs';
import { type RedrivePlan } from './redrive-model';
import { type RedriveProgress } from './redrive-progress';

export interface ConsumerWatcher {
  /** The consumer crashed, or another member took partitions of the run's group. */
  fail(error: unknown): void;
  /** The run moved without a batch reaching it (see below). */
  moved(): void;
}

/** Turns the consumer's events that matter to a run into failures and progress. */
export function watchConsumer(
  consumer: Consumer,
  plan: RedrivePlan,
  progress: RedriveProgress,
  watcher: ConsumerWatcher,
): void {
  const { events } = consumer;
  consumer.on(events.CRASH, ({ payload }) => {
    watcher.fail(payload.error);
  });
  consumer.on(events.GROUP_JOIN, ({ payload }) => {
    const assigned = new Set(payload.memberAssignment[plan.dlqTopic] ?? []);
    const missing = progress.partitions.filter((partition) => !assigned.has(partition));
    if (missing.length === 0) return;
    watcher.fail(
      new Error(
        `group ${plan.groupId} has another member (partitions ${missing.join(', ')} ` +
          'went to it); is another re-drive running?',
      ),
    );
  });
  // A batch of only transaction markers or aborted messages never reaches eachBatch, but
  // kafkajs moves past it; follow it, or a partition ending in a marker never looks done.
  consumer.on(events.END_BATCH_PROCESS, ({ payload }) => {
    if (payload.batchSize > 0) return;
    if (progress.skipTo(payload.partition, BigInt(payload.lastOffset) + 1n)) watcher.moved();
  });
}
