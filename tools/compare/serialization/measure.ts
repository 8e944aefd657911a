import { median } from '../../bench/report';
import { type Codec } from './codec';

export interface TimingPlan {
  /** Operations per timed round (cycling over the values). */
  readonly ops: number;
  /** Timed rounds; the median is reported. One untimed warm-up round runs first. */
  readonly rounds: number;
}

/**
 * Rates per CPU second of this process (user + system, every thread, so GC is billed to the
 * codec that made the garbage) and per wall-clock second. CPU time is what the tables report:
 * others measure on the same two cores, and time spent descheduled is theirs, not the codec's.
 */
export interface Timing {
  readonly encodeOpsPerSecond: number;
  readonly decodeOpsPerSecond: number;
  readonly encodeOpsPerWallSecond: number;
  readonly decodeOpsPerWallSecond: number;
}

interface Rate {
  readonly cpu: number;
  readonly wall: number;
}

/**
 * Encode and decode rates of several codecs over the same values, interleaved round by round
 * (codec A, B, C, then again) so that a busier moment of the machine hits every codec alike.
 * A fixed number of operations per round, median of the rounds.
 */
export function measureCodecs(
  codecs: readonly Codec[],
  values: readonly unknown[],
  plan: TimingPlan,
): Timing[] {
  const encoded = codecs.map((codec) => values.map((value) => codec.encode(value)));
  const samples = codecs.map(() => ({ encode: [] as Rate[], decode: [] as Rate[] }));
  for (let round = 0; round <= plan.rounds; round++) {
    codecs.forEach((codec, index) => {
      const encodeRate = rateOf(plan.ops, () => {
        encodeAll(codec, values, plan.ops);
      });
      const decodeRate = rateOf(plan.ops, () => {
        decodeAll(codec, encoded[index] ?? [], plan.ops);
      });
      // Round 0 warms up the JIT and the codec's caches and is not kept.
      if (round === 0) return;
      samples[index]?.encode.push(encodeRate);
      samples[index]?.decode.push(decodeRate);
    });
  }
  return samples.map((sample) => ({
    encodeOpsPerSecond: median(sample.encode.map((rate) => rate.cpu)),
    decodeOpsPerSecond: median(sample.decode.map((rate) => rate.cpu)),
    encodeOpsPerWallSecond: median(sample.encode.map((rate) => rate.wall)),
    decodeOpsPerWallSecond: median(sample.decode.map((rate) => rate.wall)),
  }));
}

/** Kept so the JIT cannot drop work whose result is unused. */
let sink = 0;

function encodeAll(codec: Codec, values: readonly unknown[], ops: number): void {
  for (let op = 0; op < ops; op++) sink += codec.encode(values[op % values.length]).length;
}

function decodeAll(codec: Codec, encoded: readonly Uint8Array[], ops: number): void {
  for (let op = 0; op < ops; op++) {
    const bytes = encoded[op % encoded.length];
    if (bytes && codec.decode(bytes) !== undefined) sink++;
  }
}

function rateOf(ops: number, run: () => void): Rate {
  const wallStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  run();
  const cpu = process.cpuUsage(cpuStart);
  const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    cpu: cpuSeconds > 0 ? ops / cpuSeconds : Number.NaN,
    wall: wallSeconds > 0 ? ops / wallSeconds : Number.NaN,
  };
}

/** How many bytes and results the measurements touched (read it so the work counts). */
export function measuredSink(): number {
  return sink;
}

/** Mean encoded size, after one encode of every value (so msgpackr's shared structures exist). */
export function meanEncodedBytes(codec: Codec, values: readonly unknown[]): number {
  for (const value of values) codec.encode(value);
  const total = values.reduce<number>((sum, value) => sum + codec.encode(value).length, 0);
  return values.length > 0 ? total / values.length : Number.NaN;
}
