import { type HandledDeadLetter } from './batch-selection';
import { type ReasonCounts, type RedriveOptions, type RedriveReport } from './redrive-model';

export type RedriveCounts = Pick<
  RedriveReport,
  'read' | 'matched' | 'republished' | 'skipped' | 'byReason' | 'byTarget'
>;

/** Counts what a run handled, by reason and by target topic, and tells the caller each item. */
export class RedriveTally {
  private read = 0;
  private selected = 0;
  private republished = 0;
  private readonly reasons = new Map<string, { matched: number; skipped: number }>();
  private readonly targets = new Map<string, number>();

  constructor(private readonly options: Pick<RedriveOptions, 'dryRun' | 'onMessage'>) {}

  /** Dead letters selected so far (republished, or in a dry run, would have been). */
  get matched(): number {
    return this.selected;
  }

  count(handled: readonly HandledDeadLetter[]): void {
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
      this.selected += 1;
      if (this.options.dryRun !== true) this.republished += 1;
      this.targets.set(item.target, (this.targets.get(item.target) ?? 0) + 1);
      this.options.onMessage?.(item);
    }
  }

  counts(): RedriveCounts {
    const skipped = [...this.reasons.values()].reduce((sum, counts) => sum + counts.skipped, 0);
    return {
      read: this.read,
      matched: this.selected,
      republished: this.republished,
      skipped,
      byReason: Object.fromEntries<ReasonCounts>(this.reasons),
      byTarget: Object.fromEntries(this.targets),
    };
  }
}
