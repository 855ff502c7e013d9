import { escapeHtml } from './html';
import type { PeriodChart } from './periodCharts';
import { formatNumber } from './targets';

const WIDTH = 680;
const LABEL_WIDTH = 230;
const VALUE_ROOM = 70;
const BAR = 12;
const GAP = 10;
const LEGEND = 28;
const LABEL_CHARS = 36;

/**
 * Fills told apart without colour, for a page printed in black and white: the period discussed is solid black,
 * earlier ones hatched, dotted or outlined, and every bar carries its value.
 */
const FILLS = [
  { defs: '', fill: '#111' },
  { defs: '<path d="M0,6 L6,0" stroke="#111" stroke-width="1.4"/>', fill: 'pattern' },
  { defs: '<circle cx="3" cy="3" r="1.2" fill="#111"/>', fill: 'pattern' },
  { defs: '<path d="M0,0 L6,6 M6,0 L0,6" stroke="#111" stroke-width="0.9"/>', fill: 'pattern' },
  { defs: '', fill: '#fff' },
] as const;

/** A grouped horizontal bar chart as inline SVG: no script, no external reference, labels and values as text. */
export function svgChart(chart: PeriodChart, key: string): string {
  const periods = chart.series.length;
  const groupHeight = periods * BAR + GAP;
  const height = LEGEND + chart.categories.length * groupHeight + 4;
  const plot = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  const max = Math.max(1, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const fillOf = (seriesIndex: number) => {
    const style = FILLS[Math.min(periods - 1 - seriesIndex, FILLS.length - 1)]!;
    return style.fill === 'pattern' ? `url(#${key}-f${seriesIndex})` : style.fill;
  };
  const defs = chart.series
    .map((_, i) => {
      const style = FILLS[Math.min(periods - 1 - i, FILLS.length - 1)]!;
      return style.fill === 'pattern' ? `<pattern id="${key}-f${i}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/>${style.defs}</pattern>` : '';
    })
    .join('');
  const legend = chart.series
    .map((s, i) => {
      const x = LABEL_WIDTH + i * Math.floor(plot / Math.max(periods, 1));
      return `<rect x="${x}" y="6" width="14" height="12" fill="${fillOf(i)}" stroke="#111"/><text x="${x + 18}" y="16">${escapeHtml(s.period)}${i === periods - 1 ? ' (this period)' : ''}</text>`;
    })
    .join('');
  const bars = chart.categories
    .map((category, c) => {
      const top = LEGEND + c * groupHeight;
      const shown = category.length > LABEL_CHARS ? `${category.slice(0, LABEL_CHARS - 1)}…` : category;
      const label = `<text x="${LABEL_WIDTH - 6}" y="${top + (periods * BAR) / 2 + 4}" text-anchor="end"><title>${escapeHtml(category)}</title>${escapeHtml(shown)}</text>`;
      const rows = chart.series
        .map((s, i) => {
          const value = s.values[c] ?? null;
          const y = top + i * BAR;
          const width = value === null ? 0 : Math.max(value > 0 ? 1 : 0, (Math.max(value, 0) / max) * plot);
          const text = value === null ? 'blank' : formatNumber(value);
          return `<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR - 2}" fill="${fillOf(i)}" stroke="#111" stroke-width="0.6"/><text x="${LABEL_WIDTH + width + 4}" y="${y + BAR - 3}" class="value">${text}</text>`;
        })
        .join('');
      return label + rows;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${key}-t"><title id="${key}-t">${escapeHtml(chart.title)}</title><defs>${defs}</defs><g font-family="Arial, Helvetica, sans-serif" font-size="11" fill="#111">${legend}</g><line x1="${LABEL_WIDTH}" y1="${LEGEND - 4}" x2="${LABEL_WIDTH}" y2="${height}" stroke="#111"/><g font-family="Arial, Helvetica, sans-serif" font-size="11" fill="#111">${bars}</g></svg>`;
}
