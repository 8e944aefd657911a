import { formatMachine, type MachineInfo, type Table } from '../bench/report';
import { type BarChart } from './bar-chart';
import { type BrokerComparison } from './brokers';
import { bullets, markdownTable } from './markdown';
import { SEED_BROKER_TABLE, SEED_SERIALIZATION_TABLE } from './seed-tables';
import { type SerializationComparison } from './serialization';

export interface ComparisonRun {
  readonly startedAt: Date;
  readonly quick: boolean;
  readonly seconds: number;
  readonly machine: MachineInfo;
  readonly brokers?: BrokerComparison;
  readonly serialization?: SerializationComparison;
}

/** The whole report as markdown: each part's requirement table, then what was measured. */
export function formatComparisonReport(run: ComparisonRun, chartFile: string): string {
  return [
    `# pnpm bench:compare${run.quick ? ' --quick' : ''}, ${run.startedAt.toISOString()}`,
    '',
    codeBlock(formatMachine(run.machine)),
    '',
    run.quick
      ? 'Quick run: small workloads, for correctness (counts, fidelity, evolution) only; its rates mean nothing.'
      : `Full run, ${Math.round(run.seconds)} s. Chart: [${chartFile}](${chartFile}).`,
    ...(run.brokers ? ['', brokerSection(run.brokers)] : []),
    ...(run.serialization ? ['', serializationSection(run.serialization)] : []),
    '',
  ].join('\n');
}

function brokerSection(brokers: BrokerComparison): string {
  return [
    '## Message middleware',
    '',
    '### What the requirements say',
    '',
    markdownTable(SEED_BROKER_TABLE),
    '',
    '### Measured',
    '',
    ...brokers.tables.flatMap(({ title, table }) => titled(title, table)),
    '#### How each row was configured',
    '',
    bullets(brokers.settings),
    '',
    '#### For an order pipeline',
    '',
    bullets(brokers.verdicts),
  ].join('\n');
}

function serializationSection(serialization: SerializationComparison): string {
  return [
    '## Serialization',
    '',
    '### What the requirements say',
    '',
    markdownTable(SEED_SERIALIZATION_TABLE),
    '',
    '### Measured',
    '',
    ...serialization.tables.flatMap((table) => titled(table.title, table)),
    '#### How it was measured',
    '',
    bullets(serialization.notes),
    '',
    '#### For an order pipeline',
    '',
    bullets(serialization.verdicts.map(({ verdict }) => verdict)),
  ].join('\n');
}

/** The serialization bars: each format's batch figures against JSON's. */
export function serializationCharts(serialization: SerializationComparison): BarChart[] {
  const { measurements } = serialization.data.batch;
  const chart = (title: string, value: (m: (typeof measurements)[number]) => number) => ({
    title,
    unit: 'x JSON',
    bars: measurements.map((m) => ({ label: m.format, value: value(m) })),
  });
  return [
    chart('serialization: bytes per event vs JSON (lower is better)', (m) => m.bytesRatio),
    chart('serialization: encode rate vs JSON (higher is better)', (m) => m.encodeRatio),
    chart('serialization: decode rate vs JSON (higher is better)', (m) => m.decodeRatio),
  ];
}

function titled(title: string, table: Table): string[] {
  return [`#### ${title}`, '', markdownTable(table), ''];
}

function codeBlock(text: string): string {
  return ['```', text, '```'].join('\n');
}
