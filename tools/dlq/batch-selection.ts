import { type KafkaMessage, type Message } from 'kafkajs';
import { describeDeadLetter, matchesFilter, toRedrivenMessage } from './dead-letter-message';
import { type RedriveItem, type RedrivePlan } from './redrive-model';
import { type PartitionCursor } from './redrive-progress';

/** One dead letter of a batch: selected (with what to send where) or skipped. */
export interface HandledDeadLetter {
  readonly reason: string;
  readonly selected?: { readonly item: RedriveItem; readonly message: Message };
}

export interface BatchSelection {
  readonly handled: readonly HandledDeadLetter[];
  /** The offset of the last dead letter handled; undefined when none was. */
  readonly last: string | undefined;
  /** A message at or past the partition's end was seen. */
  readonly passedEnd: boolean;
}

/**
 * Goes through one fetched batch from the cursor on: each dead letter up to the end is
 * selected (it matches the plan's filter) or skipped; it stops early once `room` dead letters
 * are selected (the rest of the batch is the next run's).
 */
export function selectFromBatch(
  batch: { readonly partition: number; readonly messages: readonly KafkaMessage[] },
  cursor: Pick<PartitionCursor, 'next' | 'end'>,
  plan: RedrivePlan,
  room: number,
): BatchSelection {
  const handled: HandledDeadLetter[] = [];
  let selected = 0;
  let last: string | undefined;
  for (const message of batch.messages) {
    const offset = BigInt(message.offset);
    if (offset < cursor.next) continue;
    if (offset >= cursor.end) return { handled, last, passedEnd: true };
    if (selected >= room) break;
    const dead = handleOne(message, batch.partition, plan);
    if (dead.selected !== undefined) selected += 1;
    handled.push(dead);
    last = message.offset;
  }
  return { handled, last, passedEnd: false };
}

function handleOne(message: KafkaMessage, partition: number, plan: RedrivePlan): HandledDeadLetter {
  const info = describeDeadLetter(message);
  if (!matchesFilter(info, plan.filter)) return { reason: info.reason };
  const position = { dlqTopic: plan.dlqTopic, partition, offset: message.offset };
  const target = info.sourceTopic ?? plan.topic;
  return {
    reason: info.reason,
    selected: {
      item: { ...position, info, target },
      message: toRedrivenMessage(message, position, new Date()),
    },
  };
}
