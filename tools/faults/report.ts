import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ScenarioResult } from './runner';

const COLUMNS = [
  'scenario',
  'outcome',
  'placed',
  'confirmed',
  'cancelled',
  'stuck',
  'violations',
  'DLQ entries',
  'settle s',
] as const;

function row(result: ScenarioResult): string[] {
  const deadLetters = Object.values(result.deadLetters).reduce((a, b) => a + b, 0);
  return [
    result.scenario,
    result.outcome,
    String(result.placed),
    String(result.confirmed),
    String(result.cancelled),
    String(result.stuck),
    String(result.violations.length),
    String(deadLetters),
    result.settleSeconds.toFixed(1),
  ];
}

/** The results as a plain-text table, one scenario per line, then what broke. */
export function formatTable(results: readonly ScenarioResult[]): string {
  const rows = [[...COLUMNS], ...results.map(row)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((cells) => (cells[i] ?? '').length)));
  const lines = rows.map((cells) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  '),
  );
  lines.splice(1, 0, widths.map((width) => '-'.repeat(width)).join('  '));
  for (const result of results) {
    for (const violation of result.violations)
      lines.push(`BROKEN ${result.scenario}: ${violation.invariant}: ${violation.detail}`);
    for (const note of result.notes) lines.push(`note   ${result.scenario}: ${note}`);
    const reasons = Object.entries(result.deadLetterReasons).sort(([, a], [, b]) => b - a);
    for (const [why, count] of reasons.slice(0, 4))
      lines.push(`DLQ    ${result.scenario}: ${count}× ${why}`);
    if (reasons.length > 4)
      lines.push(`DLQ    ${result.scenario}: … ${reasons.length - 4} more reasons (JSON)`);
  }
  return lines.join('\n');
}

export function writeJson(
  file: string,
  profile: 'quick' | 'full',
  results: readonly ScenarioResult[],
): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ profile, finishedAt: new Date().toISOString(), results }, null, 2)}\n`,
  );
}

/** The line the command exits with: which scenario broke which invariant. */
export function failureSummary(results: readonly ScenarioResult[]): string | undefined {
  const broken = results.flatMap((result) =>
    [...new Set(result.violations.map((v) => v.invariant))].map(
      (invariant) => `${result.scenario}: ${invariant}`,
    ),
  );
  return broken.length > 0 ? `invariants broken — ${broken.join(', ')}` : undefined;
}
