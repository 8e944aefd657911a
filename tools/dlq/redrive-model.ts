import {
  type DeadLetterInfo,
  type DeadLetterPosition,
  type RedriveFilter,
} from './dead-letter-message';

export interface RedriveOptions {
  readonly brokers: readonly string[];
  /** The source topic, e.g. `users`; its dead letters are read from `users.dlq`. */
  readonly topic: string;
  /** Only dead letters whose `event-type` header is this. */
  readonly type?: string;
  /** Only dead letters with this key. */
  readonly key?: string;
  /** Read and report, but republish and commit nothing. */
  readonly dryRun?: boolean;
  /** Republish (or, in a dry run, select) at most this many messages. */
  readonly maxMessages?: number;
  /** Fail when no message arrives for this long although the end is not reached yet. */
  readonly idleTimeoutMs?: number;
  /** Called for every selected dead letter once it is republished (in a dry run: selected). */
  readonly onMessage?: (item: RedriveItem) => void;
}

export interface RedriveItem extends DeadLetterPosition {
  readonly info: DeadLetterInfo;
  /** The topic it is (or would be) republished to. */
  readonly target: string;
}

export interface ReasonCounts {
  /** Selected by the filter: republished, or in a dry run, would have been. */
  readonly matched: number;
  readonly skipped: number;
}

export interface PartitionProgress {
  readonly partition: number;
  /** The first offset this run looked at. */
  readonly from: string;
  /** The offset after the last one handled (`from` when none was). */
  readonly to: string;
  /** The end of the partition (high watermark) when the run started. */
  readonly end: string;
}

export interface RedriveReport {
  readonly topic: string;
  readonly dlqTopic: string;
  readonly groupId: string;
  /** Whether handled offsets were committed, so the next run starts after them. */
  readonly committed: boolean;
  readonly dryRun: boolean;
  readonly read: number;
  readonly matched: number;
  readonly republished: number;
  readonly skipped: number;
  readonly byReason: Readonly<Record<string, ReasonCounts>>;
  readonly byTarget: Readonly<Record<string, number>>;
  /** `end`: every partition reached its end as of the start; `max-messages`: the bound. */
  readonly stoppedBy: 'end' | 'max-messages';
  readonly partitions: readonly PartitionProgress[];
}

/** Where one run of the re-drive starts on each partition of the dead-letter topic. */
export interface PartitionStart {
  readonly partition: number;
  readonly from: bigint;
  readonly end: bigint;
}

export interface RedrivePlan {
  readonly topic: string;
  readonly dlqTopic: string;
  readonly groupId: string;
  readonly commits: boolean;
  readonly filter: RedriveFilter;
}
