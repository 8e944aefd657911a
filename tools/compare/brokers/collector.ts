import { eventIdOf } from './events';

export interface Delivery {
  readonly eventId: string;
  readonly consumer: string;
  /** performance.now() at receipt, the same clock the publishers read. */
  readonly at: number;
}

/** Every delivery the consumers of one workload saw, in arrival order. */
export class Collector {
  readonly deliveries: Delivery[] = [];
  private readonly distinct = new Set<string>();
  private wake: (() => void) | undefined;

  record(consumer: string, body: string): Delivery {
    const delivery = { eventId: eventIdOf(body), consumer, at: performance.now() };
    this.deliveries.push(delivery);
    this.distinct.add(delivery.eventId);
    this.wake?.();
    return delivery;
  }

  get uniqueCount(): number {
    return this.distinct.size;
  }

  has(eventId: string): boolean {
    return this.distinct.has(eventId);
  }

  /**
   * Waits until `done()`, or nothing new arrived for `idleMs` (the rest are lost, or come
   * back later than we wait), or `timeoutMs` passed.
   */
  async settle(done: () => boolean, idleMs: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    let lastCount = -1;
    let lastChange = performance.now();
    while (!done() && performance.now() < deadline) {
      if (this.deliveries.length !== lastCount) {
        lastCount = this.deliveries.length;
        lastChange = performance.now();
      } else if (performance.now() - lastChange > idleMs) {
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
