/** Calls `onIdle` once `timeoutMs` pass without a `touch()`: a run that stopped moving. */
export class IdleWatchdog {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly timeoutMs: number,
    private readonly onIdle: () => void,
  ) {}

  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.onIdle, this.timeoutMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
