/** How big each scenario runs: the full bench, or `--quick` (correctness only, in CI). */
export interface BenchSizes {
  readonly consumer: { readonly events: number; readonly rounds: number };
  readonly seedThroughput: { readonly publishers: number; readonly eventsPerPublisher: number };
  readonly seedLatency: { readonly ratePerSecond: number; readonly seconds: number };
  readonly saga: {
    readonly floorSamples: number;
    readonly idleOrders: number;
    readonly pacedRate: number;
    readonly pacedSeconds: number;
    readonly concurrency: number;
    readonly sustainedSeconds: number;
  };
  readonly postOrders: {
    readonly concurrency: number;
    readonly seconds: number;
    readonly rounds: number;
  };
  /**
   * Saga runs with tracing on and off: `rounds` of each, every one a saturating run of
   * `seconds` then one of `seconds` at `pacedRate` orders/s, after the restart and an untimed
   * run of `warmupSeconds` (V8 optimising the services, Zipkin's JVM warming).
   */
  readonly tracing: {
    readonly rounds: number;
    readonly seconds: number;
    readonly pacedRate: number;
    readonly warmupSeconds: number;
  };
  /** Deadline of one timed run (a consumer draining a topic, a stack settling its orders). */
  readonly timeoutMs: number;
}

export const FULL_SIZES: BenchSizes = {
  consumer: { events: 100_000, rounds: 3 },
  seedThroughput: { publishers: 10, eventsPerPublisher: 10_000 },
  seedLatency: { ratePerSecond: 100, seconds: 15 },
  saga: {
    floorSamples: 200,
    idleOrders: 50,
    pacedRate: 50,
    pacedSeconds: 20,
    concurrency: 64,
    sustainedSeconds: 60,
  },
  postOrders: { concurrency: 64, seconds: 10, rounds: 2 },
  tracing: { rounds: 3, seconds: 30, pacedRate: 30, warmupSeconds: 15 },
  timeoutMs: 180_000,
};

export const QUICK_SIZES: BenchSizes = {
  consumer: { events: 2_000, rounds: 1 },
  seedThroughput: { publishers: 10, eventsPerPublisher: 500 },
  seedLatency: { ratePerSecond: 50, seconds: 2 },
  saga: {
    floorSamples: 20,
    idleOrders: 3,
    pacedRate: 50,
    pacedSeconds: 2,
    concurrency: 64,
    sustainedSeconds: 3,
  },
  postOrders: { concurrency: 64, seconds: 2, rounds: 1 },
  tracing: { rounds: 1, seconds: 2, pacedRate: 20, warmupSeconds: 0 },
  timeoutMs: 120_000,
};
