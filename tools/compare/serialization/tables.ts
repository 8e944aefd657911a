import { integer, fixed, times } from '../../bench/report';
import { type Format } from './codec';
import { evolutionCases } from './evolution';
import { BINCODE } from './formats';
import {
  type DataSetResult,
  type EvolutionResults,
  type Measurement,
  type TitledTable,
} from './results';

export function batchTable(batch: DataSetResult, formats: readonly Format[]): TitledTable {
  const rows = batch.measurements.map((measurement, index) => {
    const format = formats[index];
    return [
      measurement.format,
      fixed(measurement.meanBytes, 1),
      times(measurement.bytesRatio),
      integer(measurement.encodeOpsPerSecond),
      times(measurement.encodeRatio),
      integer(measurement.decodeOpsPerSecond),
      times(measurement.decodeRatio),
      measurement.firstDifference ? `no: ${measurement.firstDifference}` : 'yes',
      format?.readable ? 'yes' : 'no',
      format?.crossLanguage ?? '',
    ];
  });
  const bincode = [
    BINCODE.name,
    '-',
    '-',
    '-',
    '-',
    '-',
    '-',
    BINCODE.reason,
    'no',
    BINCODE.crossLanguage,
  ];
  return {
    title: `Large batch: ${integer(batch.values)} envelopes of every event version`,
    header: [
      'format',
      'bytes/msg',
      'bytes vs JSON',
      'encode ops/s',
      'encode vs JSON',
      'decode ops/s',
      'decode vs JSON',
      'round trip exact',
      'readable',
      'cross-language',
    ],
    rows: [...rows, bincode],
  };
}

export function perEventTable(
  title: string,
  perEvent: readonly DataSetResult[],
  cell: (measurement: Measurement) => string,
): TitledTable {
  const formatNames = perEvent[0]?.measurements.map((measurement) => measurement.format) ?? [];
  return {
    title,
    header: ['event version', ...formatNames],
    rows: perEvent.map((result) => [result.name, ...result.measurements.map(cell)]),
  };
}

export function bytesCell(measurement: Measurement): string {
  return `${integer(measurement.meanBytes)} (${times(measurement.bytesRatio)})`;
}

export function encodeCell(measurement: Measurement): string {
  return `${integer(measurement.encodeOpsPerSecond)} (${times(measurement.encodeRatio)})`;
}

export function decodeCell(measurement: Measurement): string {
  return `${integer(measurement.decodeOpsPerSecond)} (${times(measurement.decodeRatio)})`;
}

export function fidelityCell(measurement: Measurement): string {
  return measurement.firstDifference ? `no: ${measurement.firstDifference}` : 'yes';
}

export function evolutionTable(
  evolution: EvolutionResults,
  formats: readonly Format[],
): TitledTable {
  const cases = evolutionCases();
  const rows = formats.map((format) => [
    format.name,
    ...cases.map((evolution_) => evolution[format.name]?.[evolution_.id] ?? '-'),
    format.evolutionNeeds,
  ]);
  const bincode = [BINCODE.name, ...cases.map(() => 'not measured'), BINCODE.evolution];
  return {
    title: 'Schema evolution, measured: order.created v1 and v2 = v1 + optional `giftMessage`',
    header: ['format', ...cases.map((evolution_) => evolution_.title), 'what it needs'],
    rows: [...rows, bincode],
  };
}
