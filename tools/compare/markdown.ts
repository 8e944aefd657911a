import { type Table } from '../bench/report';

/** A GitHub-flavoured markdown table; pipes inside cells are escaped. */
export function markdownTable({ header, rows }: Table): string {
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function bullets(lines: readonly string[]): string {
  return lines.map((text) => `- ${text}`).join('\n');
}
