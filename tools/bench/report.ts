import os from 'node:os';

/** What one scenario hands back: its table for people, its numbers for the JSON and chart. */
export interface ScenarioReport {
  readonly id: string;
  readonly title: string;
  /** How it was measured, printed under the title. */
  readonly notes: readonly string[];
  readonly table: Table;
  /** Bars of the chart: each figure of ours against its baseline in the same run. */
  readonly ratios: readonly Ratio[];
  /** CPU milliseconds per order (or request) by process, when the scenario read /proc. */
  readonly cpuMsPerOrder?: Readonly<Record<string, number>>;
  /** Correctness checks that held (a failed one throws instead). */
  readonly checks: readonly string[];
  readonly data: unknown;
}

export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface Ratio {
  readonly label: string;
  /** Ours over the baseline's (throughput) or ours over the floor (latency). */
  readonly value: number;
  readonly better: 'higher' | 'lower';
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

export function formatReport(report: ScenarioReport): string {
  return [
    `== ${report.title}`,
    ...report.notes,
    '',
    formatTable(report.table),
    ...(report.checks.length > 0 ? ['', ...report.checks.map((check) => `ok: ${check}`)] : []),
    '',
  ].join('\n');
}

/** Text columns (the first and any that is not a number) left-aligned, numbers right-aligned. */
export function formatTable({ header, rows }: Table): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const numeric = header.map(
    (_, column) => column > 0 && rows.every((row) => /^[-\d.,x%]*$/.test(row[column] ?? '')),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return numeric[column] ? cell.padStart(width) : cell.padEnd(width);
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

export function fixed(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

export function times(ratio: number): string {
  return `${fixed(ratio, 2)}x`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}
