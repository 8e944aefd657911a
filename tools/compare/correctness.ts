import { type BrokerComparison } from './brokers';
import { type SerializationComparison } from './serialization';

/**
 * What must hold in any run, quick or full, on any machine: an acked (durable) mode delivers
 * every event and redelivers what a crashed consumer left unacked; every format gives back
 * exactly what it was given. Rates are never checked. A broker that is not there is not a
 * problem; a workload that failed on one that is, is.
 */
export function correctnessProblems(
  brokers: BrokerComparison | undefined,
  serialization: SerializationComparison | undefined,
): string[] {
  return [...brokerProblems(brokers), ...fidelityProblems(serialization)];
}

function brokerProblems(brokers: BrokerComparison | undefined): string[] {
  const acked = (brokers?.results ?? []).flatMap((broker) =>
    broker.modes.filter((mode) => mode.delivery === 'acked'),
  );
  return acked.flatMap(({ mode, throughput, crash }) => [
    ...(throughput.ok ? [] : [`${mode}: throughput ${throughput.why}`]),
    ...(throughput.ok && throughput.value.tally.lost > 0
      ? [`${mode}: lost ${throughput.value.tally.lost} events`]
      : []),
    ...(crash.ok ? [] : [`${mode}: consumer crash ${crash.why}`]),
    ...(crash.ok && crash.value.lost > 0
      ? [`${mode}: lost ${crash.value.lost} events after a consumer crash`]
      : []),
  ]);
}

function fidelityProblems(serialization: SerializationComparison | undefined): string[] {
  if (!serialization) return [];
  const { perEvent, batch } = serialization.data;
  return [...perEvent, batch].flatMap((dataSet) =>
    dataSet.measurements.flatMap(({ format, firstDifference }) =>
      firstDifference === undefined
        ? []
        : [`${format} on ${dataSet.name}: round trip changed ${firstDifference}`],
    ),
  );
}
