import { EVENT_CATALOG, type EventDefinition, type EventEnvelope } from '@kafka-commerce/events';
import { Unpackr } from 'msgpackr';
import os from 'node:os';
import { fixed, integer, type Ratio } from '../../bench/report';
import { generateBatch } from './batch';
import { catalogCodec, SCHEMA_ID_BYTES } from './catalog-codec';
import { type Codec } from './codec';
import { envelopeSchemaOf, fixtureEnvelope, versionName } from './envelope-schema';
import { describe, evolutionCases, runEvolutionCase } from './evolution';
import { firstDifference } from './fidelity';
import { allFormats, BINCODE } from './formats';
import { meanEncodedBytes, measureCodecs, type Timing, type TimingPlan } from './measure';
import { msgpackRecordsFormat } from './msgpack-format';
import {
  type DataSetResult,
  type EvolutionResults,
  type FormatVerdict,
  type Measurement,
  type TitledTable,
} from './results';
import {
  batchTable,
  bytesCell,
  decodeCell,
  encodeCell,
  evolutionTable,
  fidelityCell,
  perEventTable,
} from './tables';
import { verdictsFor } from './verdicts';

export interface SerializationOptions {
  /** Few iterations: the timings are a smoke test; fidelity and evolution are still complete. */
  readonly quick: boolean;
  readonly log: (line: string) => void;
}

export type {
  DataSetResult,
  EvolutionResults,
  FormatVerdict,
  Measurement,
  TitledTable,
} from './results';

export interface SerializationComparison {
  readonly tables: readonly TitledTable[];
  readonly notes: readonly string[];
  readonly verdicts: readonly FormatVerdict[];
  /** Chart bars: each format's batch bytes, encode and decode rate against JSON's. */
  readonly ratios: readonly Ratio[];
  /** The raw figures, for the JSON results file. */
  readonly data: {
    readonly perEvent: readonly DataSetResult[];
    readonly batch: DataSetResult;
    readonly evolution: Readonly<Record<string, Readonly<Record<string, string>>>>;
  };
}

const FULL = { perEvent: { ops: 10_000, rounds: 5 }, batch: { count: 10_000, rounds: 5 } };
const QUICK = { perEvent: { ops: 50, rounds: 1 }, batch: { count: 500, rounds: 1 } };

/**
 * JSON (our wire format), MessagePack (plain and with shared record structures), protobuf and
 * Avro (schemas derived from the zod contracts at run time) on every catalog event version's
 * fixture and on a large mixed batch: size, speed, exact round trip and schema evolution.
 */
export async function runSerializationComparison(
  options: SerializationOptions,
): Promise<SerializationComparison> {
  const plan = options.quick ? QUICK : FULL;
  const loadAtStart = loadAverage();
  const perEvent = EVENT_CATALOG.map((entry) => {
    options.log(`serialization: ${versionName(entry.definition)}`);
    return measureEvent(entry.definition, entry.fixture, plan.perEvent);
  });
  options.log(`serialization: batch of ${plan.batch.count} envelopes`);
  const { envelopes, fixturesKept } = generateBatch(plan.batch.count);
  const batch = measureBatch(envelopes, { ops: envelopes.length, rounds: plan.batch.rounds });
  options.log('serialization: schema evolution');
  const evolution = measureEvolution();
  // Handing the event loop back between phases keeps the caller's log output flowing.
  await Promise.resolve();
  const formats = allFormats();
  return {
    tables: [
      batchTable(batch, formats),
      perEventTable('Encoded bytes per event version (fixture envelope)', perEvent, bytesCell),
      perEventTable('Encode ops/s per event version (ratio to JSON)', perEvent, encodeCell),
      perEventTable('Decode ops/s per event version (ratio to JSON)', perEvent, decodeCell),
      perEventTable('Round trip exact, decode(encode(x)) deep-equals x', perEvent, fidelityCell),
      evolutionTable(evolution, formats),
    ],
    notes: notesFor(
      options.quick,
      plan.perEvent,
      batch,
      fixturesKept,
      `${loadAtStart} at start, ${loadAverage()} at end`,
    ),
    verdicts: verdictsFor(batch, perEvent, evolution, formats),
    ratios: ratiosFor(batch),
    data: { perEvent, batch, evolution },
  };
}

function measureEvent(
  definition: EventDefinition,
  fixture: unknown,
  plan: TimingPlan,
): DataSetResult {
  const schema = envelopeSchemaOf(definition);
  const codecs = allFormats().map((format) => format.codecFor(schema));
  return measureDataSet(
    versionName(definition),
    codecs,
    [fixtureEnvelope(definition, fixture)],
    plan,
  );
}

function measureBatch(envelopes: readonly EventEnvelope[], plan: TimingPlan): DataSetResult {
  const schemas = EVENT_CATALOG.map((entry) => envelopeSchemaOf(entry.definition));
  const codecs = allFormats().map((format) => catalogCodec(format, schemas));
  return measureDataSet('batch', codecs, envelopes, plan);
}

function measureDataSet(
  name: string,
  codecs: readonly Codec[],
  values: readonly unknown[],
  plan: TimingPlan,
): DataSetResult {
  const differences = codecs.map((codec) => firstFailure(codec, values));
  const bytes = codecs.map((codec) => meanEncodedBytes(codec, values));
  const timings = measureCodecs(codecs, values, plan);
  const measurements = codecs.map((codec, index) =>
    measurementOf(codec.name, bytes, timings, index, differences[index]),
  );
  return { name, values: values.length, measurements };
}

/** One codec's figures; index 0 is JSON, the baseline of every ratio. */
function measurementOf(
  format: string,
  bytes: readonly number[],
  timings: readonly Timing[],
  index: number,
  difference: string | undefined,
): Measurement {
  const timing = timings[index] ?? NO_TIMING;
  const baseline = timings[0] ?? NO_TIMING;
  const meanBytes = bytes[index] ?? Number.NaN;
  return {
    format,
    meanBytes,
    bytesRatio: meanBytes / (bytes[0] ?? Number.NaN),
    ...timing,
    encodeRatio: timing.encodeOpsPerSecond / baseline.encodeOpsPerSecond,
    decodeRatio: timing.decodeOpsPerSecond / baseline.decodeOpsPerSecond,
    firstDifference: difference,
  };
}

const NO_TIMING: Timing = {
  encodeOpsPerSecond: Number.NaN,
  decodeOpsPerSecond: Number.NaN,
  encodeOpsPerWallSecond: Number.NaN,
  decodeOpsPerWallSecond: Number.NaN,
};

/** The first value whose round trip is not exact, as `#index path: expected …, got …`. */
function firstFailure(codec: Codec, values: readonly unknown[]): string | undefined {
  for (const [index, value] of values.entries()) {
    let difference: string | undefined;
    try {
      difference = firstDifference(value, codec.decode(codec.encode(value)));
    } catch (error) {
      difference = `throws: ${describe(error)}`;
    }
    if (difference) return values.length > 1 ? `#${index} ${difference}` : difference;
  }
  return undefined;
}

function measureEvolution(): EvolutionResults {
  const cases = evolutionCases();
  return Object.fromEntries(
    allFormats().map((format) => [
      format.name,
      Object.fromEntries(
        cases.map((evolution) => [evolution.id, runEvolutionCase(format, evolution)]),
      ),
    ]),
  );
}

/**
 * What a consumer without the producers' structures registry gets from a msgpackr record
 * message (a restarted consumer, another team's service, a topic read mid-way).
 */
export function readRecordsWithoutRegistry(): string {
  const format = msgpackRecordsFormat();
  const entry = EVENT_CATALOG[0];
  const value = fixtureEnvelope(entry.definition, entry.fixture);
  const bytes = format.codecFor(envelopeSchemaOf(entry.definition)).encode(value);
  try {
    const decoded: unknown = new Unpackr({ structures: [] }).unpack(bytes);
    const difference = firstDifference(value, decoded);
    return difference ? `fails: silently wrong data (${difference})` : 'works';
  } catch (error) {
    return `fails: ${describe(error)}`;
  }
}

function notesFor(
  quick: boolean,
  perEventPlan: TimingPlan,
  batch: DataSetResult,
  fixturesKept: number,
  load: string,
): string[] {
  return [
    ...(quick
      ? ['QUICK MODE: too few operations for the rates to mean anything; correctness is complete.']
      : []),
    `node ${process.version}, ${os.cpus().length} cpus, load average ${load}. Rates are operations per CPU second of this process (process.cpuUsage: user + system, GC included; wall-clock rates are in the data): a fixed count (${integer(perEventPlan.ops)} ops per event version, ${integer(batch.values)} per batch round), one warm-up round, then the median of ${perEventPlan.rounds} rounds; formats interleaved round by round; ratios are against JSON in the same run.`,
    'Per event version the same value is encoded over and over (one shape, hot caches), which flatters the schema-compiled codecs; the batch mixes 17 shapes and is the figure to plan with.',
    'Encode = value → bytes; decode = bytes → a value equal to the input (protobuf: decode + toObject + restoring null/absent fields; Avro: decode + the same restore; neither decode validates with zod, nor does JSON here).',
    `Per event version: the fixture in a fixed envelope, bare encoding. Batch: ${integer(batch.values)} deterministic varied envelopes (seed 12; ${fixturesKept} kept their fixture payload); protobuf and Avro carry a ${SCHEMA_ID_BYTES}-byte schema id (Confluent wire format) because a reader must know the writer's schema; this is counted in the sizes.`,
    'Schemas for protobuf and Avro are derived at run time from the zod contracts via their JSON Schema. Money is a decimal string and timestamps are ISO-8601 strings in every format (no double, no timestamp types), so "0.10" and "+01:00" offsets survive exactly.',
    'MessagePack+records: sizes and rates are with the structures already in the shared registry (steady state). ' +
      `A reader without the registry: ${readRecordsWithoutRegistry()}.`,
    `Bincode: ${BINCODE.reason}; ${BINCODE.evolution}.`,
  ];
}

function ratiosFor(batch: DataSetResult): Ratio[] {
  return batch.measurements
    .filter((measurement) => measurement.format !== 'JSON')
    .flatMap((measurement): Ratio[] => [
      {
        label: `${measurement.format}: bytes vs JSON`,
        value: measurement.bytesRatio,
        better: 'lower',
      },
      {
        label: `${measurement.format}: encode rate vs JSON`,
        value: measurement.encodeRatio,
        better: 'higher',
      },
      {
        label: `${measurement.format}: decode rate vs JSON`,
        value: measurement.decodeRatio,
        better: 'higher',
      },
    ]);
}

/** The 1-minute load average, e.g. `1.52`: others measure on the same machine. */
function loadAverage(): string {
  return fixed(os.loadavg()[0] ?? Number.NaN, 2);
}
