import { times } from '../../bench/report';
import { type Format } from './codec';
import { BINCODE } from './formats';
import {
  type DataSetResult,
  type EvolutionResults,
  type FormatVerdict,
  type Measurement,
} from './results';

export /**
 * One line per format for an order pipeline, derived from the batch figures, the fidelity
 * results and the evolution matrix: what it gains, what it costs, and whether that is a trade
 * worth making. Exactness comes first: money and dates that change are disqualifying.
 */
function verdictsFor(
  batch: DataSetResult,
  perEvent: readonly DataSetResult[],
  evolution: EvolutionResults,
  formats: readonly Format[],
): FormatVerdict[] {
  const verdicts = batch.measurements.map((measurement, index): FormatVerdict => {
    const fidelity = measurement.firstDifference ?? perEventFailure(perEvent, index);
    const failed = Object.entries(evolution[measurement.format] ?? {})
      .filter(([, result]) => result.startsWith('fails'))
      .map(([id]) => id);
    const verdict = verdictLine(measurement, formats[index], fidelity, failed);
    return { format: measurement.format, verdict };
  });
  const bincode = `${BINCODE.name}: ${BINCODE.reason}; not an option for Node services.`;
  return [...verdicts, { format: BINCODE.name, verdict: bincode }];
}

function perEventFailure(perEvent: readonly DataSetResult[], index: number): string | undefined {
  const failed = perEvent.find((result) => result.measurements[index]?.firstDifference);
  return failed
    ? `${failed.name}: ${failed.measurements[index]?.firstDifference ?? ''}`
    : undefined;
}

function verdictLine(
  measurement: Measurement,
  format: Format | undefined,
  fidelity: string | undefined,
  failedEvolution: readonly string[],
): string {
  const figures = `${times(measurement.bytesRatio)} bytes, ${times(measurement.encodeRatio)} encode rate, ${times(measurement.decodeRatio)} decode rate of JSON (batch)`;
  const exact = fidelity ? `NOT exact (${fidelity})` : 'exact round trip';
  const evolution =
    failedEvolution.length === 0
      ? 'every evolution case works'
      : `evolution fails for ${failedEvolution.join(', ')}`;
  const head = `${measurement.format}: ${figures}; ${exact}; ${evolution}`;
  if (fidelity) return `${head} → not for orders: amounts or dates would change.`;
  if (!format || (!format.needsSchema && format.readable)) {
    return `${head} → the baseline: readable, every language; keep unless bytes or CPU are shown to be the bottleneck.`;
  }
  return `${head} → ${tradeOff(measurement, format, failedEvolution.length > 0)}`;
}

/** Is the gain worth giving up readable messages (and for some, a registry to run)? */
function tradeOff(measurement: Measurement, format: Format, evolutionFails: boolean): string {
  const smaller = measurement.bytesRatio <= 0.7;
  const faster = Math.min(measurement.encodeRatio, measurement.decodeRatio) >= 1.2;
  const slower = Math.max(measurement.encodeRatio, measurement.decodeRatio) < 1;
  const costs = [
    'unreadable bytes in Kafka tooling and dead letters',
    ...(format.needsSchema ? ['a schema registry to run'] : []),
    ...(format.crossLanguage.includes('only')
      ? ['JS-only bytes + a shared structures registry']
      : []),
    ...(evolutionFails ? [format.evolutionNeeds] : []),
  ].join('; ');
  if (!smaller && !faster) return `no clear gain over JSON; costs: ${costs}.`;
  const gain =
    smaller && slower
      ? 'smaller but slower in Node'
      : [smaller ? 'smaller' : '', faster ? 'faster' : ''].filter(Boolean).join(' and ');
  return `${gain}: worth it only if bytes on the wire or on disk are the bottleneck; costs: ${costs}.`;
}
