import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../load/saga-load';
import { fixed } from './report';

/**
 * Publish → handled latencies measured in one process: `start` when an event leaves,
 * `stop` when its handler is done. Both ends read the same monotonic clock.
 */
export class LatencyProbe {
  private readonly started = new Map<string, number>();
  private readonly samples: number[] = [];
  private waiters: (() => void)[] = [];

  start(id: string): void {
    this.started.set(id, performance.now());
  }

  stop(id: string): void {
    const at = this.started.get(id);
    if (at === undefined) return; // not one of ours (e.g. a redelivery already counted)
    this.started.delete(id);
    this.samples.push(performance.now() - at);
    for (const wake of this.waiters) wake();
  }

  /** Resolves once `count` samples are in; throws after `timeoutMs`. */
  async awaitSamples(count: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.samples.length < count) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) {
        throw new Error(`only ${this.samples.length} of ${count} events handled in time`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
  }

  sorted(): number[] {
    return [...this.samples].sort((a, b) => a - b);
  }
}

/**
 * Fires `count` sends: paced at `ratePerSecond` (send n leaves at n / rate s, whatever the
 * earlier ones took), or one after another, each awaited, when no rate is given.
 */
export async function drive(
  count: number,
  ratePerSecond: number | undefined,
  send: (index: number) => Promise<void>,
): Promise<void> {
  if (ratePerSecond === undefined) {
    for (let index = 0; index < count; index++) await send(index);
    return;
  }
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < count; index++) {
    await sleep(Math.max(0, started + (index * 1000) / ratePerSecond - performance.now()));
    inFlight.push(send(index));
  }
  await Promise.all(inFlight);
}

export interface LatencySummary {
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
  /** Share of samples under 1 ms (the seed's target). */
  readonly underOneMs: number;
}

export function summarizeLatency(sorted: readonly number[]): LatencySummary {
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    max: sorted.at(-1) ?? Number.NaN,
    underOneMs: sorted.filter((ms) => ms < 1).length / Math.max(1, sorted.length),
  };
}

export function latencyCells(summary: LatencySummary): string[] {
  return [
    String(summary.samples),
    fixed(summary.p50, 2),
    fixed(summary.p99, 2),
    fixed(summary.p999, 2),
    fixed(summary.max, 2),
    `${fixed(summary.underOneMs * 100, 1)}%`,
  ];
}
