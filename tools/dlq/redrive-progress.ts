import { type PartitionProgress, type PartitionStart } from './redrive-model';

/** Where one run is on one partition of the dead-letter topic. */
export interface PartitionCursor {
  readonly partition: number;
  readonly from: bigint;
  readonly end: bigint;
  /** The next offset to handle. */
  next: bigint;
  /** A message at or past `end` was seen: the gap before it held nothing to deliver. */
  passedEnd: boolean;
}

export function isDone(cursor: PartitionCursor): boolean {
  return cursor.passedEnd || cursor.next >= cursor.end;
}

/** The run's cursors, one per partition, from where it started to the end as of the start. */
export class RedriveProgress {
  private readonly cursors: Map<number, PartitionCursor>;

  constructor(starts: readonly PartitionStart[]) {
    this.cursors = new Map(
      starts.map((start) => [start.partition, { ...start, next: start.from, passedEnd: false }]),
    );
  }

  cursor(partition: number): PartitionCursor | undefined {
    return this.cursors.get(partition);
  }

  get partitions(): number[] {
    return [...this.cursors.keys()];
  }

  get done(): boolean {
    return [...this.cursors.values()].every(isDone);
  }

  /**
   * Follows a batch kafkajs moved past without handing it over (only transaction markers or
   * aborted messages), never beyond the end; returns whether the partition has a cursor.
   */
  skipTo(partition: number, next: bigint): boolean {
    const cursor = this.cursors.get(partition);
    if (cursor === undefined) return false;
    if (next > cursor.next) cursor.next = next < cursor.end ? next : cursor.end;
    return true;
  }

  /** The partitions not done yet, for an error message. */
  describeBehind(): string {
    return [...this.cursors.values()]
      .filter((cursor) => !isDone(cursor))
      .map((cursor) => `partition ${cursor.partition} at ${cursor.next} of ${cursor.end}`)
      .join(', ');
  }

  report(): PartitionProgress[] {
    return [...this.cursors.values()].map((cursor) => ({
      partition: cursor.partition,
      from: cursor.from.toString(),
      to: cursor.next.toString(),
      end: cursor.end.toString(),
    }));
  }
}
