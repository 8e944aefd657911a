import { type MachineInfo, type Ratio, type ScenarioReport } from './report';

const WIDTH = 900;
const ROW = 24;
const LABEL = 360;
const BAR = WIDTH - LABEL - 90;

/**
 * One chart per run, hand-written SVG (no browser, no network): every ratio against its
 * baseline in the same run as a bar on a log scale around 1x (green where ours is better,
 * red where it is worse), then the saga's CPU milliseconds per order by process.
 */
export function renderChart(
  reports: readonly ScenarioReport[],
  machine: MachineInfo,
  title: string,
): string {
  const parts: string[] = [];
  let y = 30;
  parts.push(text(10, y, title, 16, 'bold'));
  y += 20;
  parts.push(text(10, y, `${machine.cpus} cpus, ${machine.cpuModel}, node ${machine.node}`, 11));
  y += 30;
  parts.push(
    text(10, y, 'ours vs baseline (log scale; the line is 1x; green = ours better)', 13, 'bold'),
  );
  y += 12;
  const ratios = reports.flatMap((report) => report.ratios);
  const axis = LABEL + BAR / 2;
  for (const ratio of ratios) {
    y += ROW;
    parts.push(text(10, y, ratio.label, 11), ratioBar(ratio, axis, y));
  }
  parts.push(line(axis, y - ratios.length * ROW - 4, axis, y + 8));
  const cpu = reports.find((report) => report.cpuMsPerOrder)?.cpuMsPerOrder;
  if (cpu) {
    y += 40;
    parts.push(text(10, y, 'saga: CPU ms per confirmed order, by process', 13, 'bold'));
    y += 12;
    const largest = Math.max(...Object.values(cpu), 1e-9);
    for (const [name, ms] of Object.entries(cpu)) {
      y += ROW;
      const width = (ms / largest) * BAR;
      parts.push(
        text(10, y, name, 11),
        `<rect x="${LABEL}" y="${y - 13}" width="${width.toFixed(1)}" height="16" fill="#4a78b5"/>`,
        text(LABEL + width + 6, y, `${ms.toFixed(2)} ms`, 11),
      );
    }
  }
  const height = y + 30;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="sans-serif">`,
    `<rect width="${WIDTH}" height="${height}" fill="white"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

/** Half the bar width is a factor of 100 either way. */
function ratioBar(ratio: Ratio, axis: number, y: number): string {
  const value = Number.isFinite(ratio.value) && ratio.value > 0 ? ratio.value : 1;
  const scaled = (Math.max(-2, Math.min(2, Math.log10(value))) / 2) * (BAR / 2);
  const oursBetter = ratio.better === 'higher' ? value >= 1 : value <= 1;
  const x = scaled >= 0 ? axis : axis + scaled;
  const labelX = scaled >= 0 ? axis + scaled + 6 : axis + 6;
  return [
    `<rect x="${x.toFixed(1)}" y="${y - 13}" width="${Math.abs(scaled).toFixed(1)}" height="16" fill="${oursBetter ? '#3b9a5a' : '#c8553d'}"/>`,
    text(labelX, y, `${value.toFixed(2)}x (${ratio.better} is better)`, 11),
  ].join('');
}

function text(x: number, y: number, content: string, size: number, weight = 'normal'): string {
  return `<text x="${x.toFixed(1)}" y="${y}" font-size="${size}" font-weight="${weight}">${escape(content)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#333" stroke-dasharray="3,3"/>`;
}

function escape(content: string): string {
  return content.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
