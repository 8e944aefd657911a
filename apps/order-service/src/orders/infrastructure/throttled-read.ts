/**
 * A read whose result serves every caller for `maxAgeMs` after it finished, and that callers
 * arriving while it runs share: a scrape storm costs one query, not one per scrape. A failed
 * read is reported and keeps the previous result (undefined until a read succeeds).
 */
export class ThrottledRead<T> {
  private latest: T | undefined;
  private finishedAt = -Infinity;
  private running: Promise<void> | undefined;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly options: {
      readonly maxAgeMs: number;
      readonly now: () => number;
      readonly onError: (error: unknown) => void;
    },
  ) {}

  async get(): Promise<T | undefined> {
    if (this.options.now() - this.finishedAt >= this.options.maxAgeMs) {
      this.running ??= this.refresh();
    }
    await this.running;
    return this.latest;
  }

  private async refresh(): Promise<void> {
    try {
      this.latest = await this.read();
    } catch (error) {
      this.options.onError(error);
    } finally {
      this.finishedAt = this.options.now();
      this.running = undefined;
    }
  }
}
