import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../stack/profile';
import { renderChart } from './chart';
import { type MachineInfo, type ScenarioReport } from './report';
import { type BenchSizes } from './sizes';

export interface BenchRun {
  readonly startedAt: Date;
  readonly quick: boolean;
  readonly seconds: number;
  readonly machine: MachineInfo;
  readonly sizes: BenchSizes;
  readonly reports: readonly ScenarioReport[];
}

/** bench-results/<timestamp>.json (every row) and .svg (the chart) beside it; returns both paths. */
export function writeResults(run: BenchRun): { readonly json: string; readonly svg: string } {
  const directory = path.join(REPO_ROOT, 'bench-results');
  mkdirSync(directory, { recursive: true });
  const base = path.join(directory, `${fileStamp(run.startedAt)}${run.quick ? '-quick' : ''}`);
  const json = `${base}.json`;
  const svg = `${base}.svg`;
  writeFileSync(
    json,
    `${JSON.stringify(
      {
        timestamp: run.startedAt.toISOString(),
        quick: run.quick,
        durationSeconds: Math.round(run.seconds),
        machine: run.machine,
        sizes: run.sizes,
        scenarios: run.reports,
      },
      null,
      2,
    )}\n`,
  );
  const title = `pnpm bench${run.quick ? ' --quick' : ''}, ${run.startedAt.toISOString()}`;
  writeFileSync(svg, renderChart(run.reports, run.machine, title));
  return { json, svg };
}

/** A time as a file name: 2026-12-07T13-51-04Z. */
export function fileStamp(time: Date): string {
  return time
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
}
