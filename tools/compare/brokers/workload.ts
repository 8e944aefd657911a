import { type BrokerMode, type Channel } from './types';

/** Sizes of one comparison run: the full one, or --quick (correctness only). */
export interface ComparisonSizes {
  readonly throughput: { readonly publishers: number; readonly eventsPerPublisher: number };
  readonly latency: { readonly ratePerSecond: number; readonly events: number };
  readonly ordering: { readonly keys: number; readonly eventsPerKey: number };
  readonly crash: { readonly events: number };
  /** Nothing new for this long: whatever has not arrived is counted lost. */
  readonly idleMs: number;
  readonly timeoutMs: number;
}

export const FULL_SIZES: ComparisonSizes = {
  throughput: { publishers: 10, eventsPerPublisher: 10_000 },
  latency: { ratePerSecond: 100, events: 1_000 },
  ordering: { keys: 20, eventsPerKey: 100 },
  crash: { events: 1_000 },
  idleMs: 5_000,
  timeoutMs: 300_000,
};

export const QUICK_SIZES: ComparisonSizes = {
  throughput: { publishers: 10, eventsPerPublisher: 200 },
  latency: { ratePerSecond: 100, events: 100 },
  ordering: { keys: 20, eventsPerKey: 10 },
  crash: { events: 200 },
  idleMs: 3_000,
  timeoutMs: 60_000,
};

/** Opens a fresh channel for one workload and always removes it, whatever happened. */
export async function withChannel<T>(
  mode: BrokerMode,
  purpose: string,
  consumers: number,
  run: (channel: Channel) => Promise<T>,
): Promise<T> {
  const channel = await mode.open(purpose, consumers);
  try {
    return await run(channel);
  } finally {
    await channel.remove().catch(() => undefined);
  }
}

/** Closes everything given, even when one close fails (a broker gone mid-run). */
export async function closeAll(closables: readonly { close(): Promise<void> }[]): Promise<void> {
  await Promise.allSettled(closables.map((closable) => closable.close()));
}
