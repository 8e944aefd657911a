const WIDTH = 900;
const ROW = 22;
const LABEL = 300;
const BAR = WIDTH - LABEL - 140;

/** One chart: a bar per row, scaled to the largest. */
export interface BarChart {
  readonly title: string;
  readonly unit: string;
  readonly bars: readonly { readonly label: string; readonly value: number }[];
}

/** Hand-written SVG (no browser, no network), the charts one under the other. */
export function renderBarCharts(
  title: string,
  subtitle: string,
  charts: readonly BarChart[],
): string {
  const parts = [text(10, 30, title, 16, 'bold'), text(10, 50, subtitle, 11)];
  let y = 60;
  for (const chart of charts) {
    y += 34;
    parts.push(text(10, y, chart.title, 13, 'bold'));
    y += 8;
    const largest = Math.max(...chart.bars.map((bar) => bar.value), 1e-9);
    for (const bar of chart.bars) {
      y += ROW;
      const width = (bar.value / largest) * BAR;
      parts.push(
        text(10, y, bar.label, 11),
        `<rect x="${LABEL}" y="${y - 13}" width="${width.toFixed(1)}" height="15" fill="#4a78b5"/>`,
        text(LABEL + width + 6, y, `${formatValue(bar.value)} ${chart.unit}`, 11),
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

function formatValue(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}

function text(x: number, y: number, content: string, size: number, weight = 'normal'): string {
  const escaped = content.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<text x="${x.toFixed(1)}" y="${y}" font-size="${size}" font-weight="${weight}">${escaped}</text>`;
}
