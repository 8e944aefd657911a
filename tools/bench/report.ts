import os from 'node:os';
import { type Measurement } from './finish-line';

export interface ScenarioRounds {
  readonly id: string;
  readonly label: string;
  readonly rounds: readonly Measurement[];
}

export interface ScenarioSummary {
  readonly id: string;
  readonly label: string;
  readonly events: number;
  /** Medians over the rounds. */
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** This scenario's median events/s over the baseline's. */
  readonly ratio: number;
  readonly rounds: readonly (Measurement & { readonly eventsPerSecond: number })[];
}

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly kafka: string;
  readonly postgres: string;
}

/** Medians per scenario and their ratio to the first scenario (the baseline). */
export function summarize(results: readonly ScenarioRounds[]): ScenarioSummary[] {
  const rates = results.map((result) =>
    result.rounds.map((round) => ({ ...round, eventsPerSecond: round.events / round.seconds })),
  );
  const baseline = median(rates[0]?.map((round) => round.eventsPerSecond) ?? []);
  return results.map((result, index) => {
    const rounds = rates[index] ?? [];
    const eventsPerSecond = median(rounds.map((round) => round.eventsPerSecond));
    return {
      id: result.id,
      label: result.label,
      events: median(rounds.map((round) => round.events)),
      seconds: median(rounds.map((round) => round.seconds)),
      eventsPerSecond,
      ratio: eventsPerSecond / baseline,
      rounds,
    };
  });
}

export function formatTable(summaries: readonly ScenarioSummary[]): string {
  const header = ['scenario', 'events', 'seconds', 'events/s', 'vs baseline', 'rounds (events/s)'];
  const rows = summaries.map((summary) => [
    summary.label,
    integer(summary.events),
    summary.seconds.toFixed(3),
    integer(summary.eventsPerSecond),
    `${summary.ratio.toFixed(2)}x`,
    summary.rounds.map((round) => integer(round.eventsPerSecond)).join(' / '),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  // Text columns left-aligned, numbers right-aligned.
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return column === 0 || column === cells.length - 1
          ? cell.padEnd(width)
          : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}

export function machineInfo(kafka: string, postgres: string): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    kafka,
    postgres,
  };
}

export function formatMachine(machine: MachineInfo): string {
  return [
    `machine: ${machine.cpus} cpus (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.os}, node ${machine.node}`,
    `kafka: ${machine.kafka}`,
    `postgres: ${machine.postgres}`,
  ].join('\n');
}

export function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}
