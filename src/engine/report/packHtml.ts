import type { FigureCell } from '../checks/returnData';
import { escapeHtml as e, htmlPage } from './html';
import type { MeetingPack } from './meetingPack';
import { svgChart } from './svgChart';
import { describeTarget, formatNumber, formatShare, type TargetResult } from './targets';

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
body { font-family: Arial, Helvetica, sans-serif; color: #111; background: #fff; margin: 0 auto; max-width: 190mm; font-size: 10.5pt; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1.5px solid #111; } h3 { font-size: 11pt; margin: 4mm 0 1mm; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; } th, td { border: 1px solid #666; padding: 1.2mm 1.8mm; text-align: left; vertical-align: top; }
th { background: #eee; } td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr, figure, li { break-inside: avoid; } h2, h3 { break-after: avoid; } figure { margin: 0 0 4mm; } figcaption { font-weight: bold; margin-bottom: 1mm; }
.met { font-weight: bold; } .not_met { font-weight: bold; text-decoration: underline; } .muted { color: #444; }
.explanation { border-left: 3px solid #111; padding-left: 2mm; margin: 1mm 0; } ol.findings li { margin-bottom: 2mm; }
@media print { a { color: #111; text-decoration: none; } }`;

const STATUS: Record<TargetResult['status'], string> = { met: '✓ Met', not_met: '✗ Not met', too_small: '– Too small to judge', not_known: '? Not known' };

const cell = (value: FigureCell): string => (value === null ? '<span class="muted">blank</span>' : typeof value === 'number' ? formatNumber(value) : `“${e(value)}”`);
const signed = (n: number | null): string => (n === null ? '' : n > 0 ? `+${formatNumber(n)}` : n < 0 ? `−${formatNumber(-n)}` : 'no change');

function headlines(pack: MeetingPack): string {
  const earlier = pack.previousPeriods.map((p) => `<th scope="col">${e(p)}</th>`).join('');
  const rows = pack.headlines
    .map((h) => {
      const last = h.previous[h.previous.length - 1];
      const share = h.base && typeof h.value === 'number' && h.base.value > 0 ? ` (${formatShare(h.value / h.base.value)})` : '';
      return `<tr><th scope="row">${e(h.label)}</th>${h.previous.map((p) => `<td class="n">${cell(p.value)}</td>`).join('')}<td class="n"><strong>${cell(h.value)}</strong></td>${last ? `<td class="n">${signed(last.change)}</td>` : ''}<td>${h.base ? `of ${formatNumber(h.base.value)} ${e(h.base.label)}${share}` : ''}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th scope="col">Figure</th>${earlier}<th scope="col">${e(pack.period)}</th>${pack.previousPeriods.length ? '<th scope="col">Change on last period</th>' : ''}<th scope="col">Base</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function targets(pack: MeetingPack): string {
  if (!pack.targets.length) return '<p>The return sets no targets.</p>';
  const rows = pack.targets
    .map(({ target, status, value, base }) => {
      const measured = value === null ? 'not known' : target.of === undefined ? formatNumber(value) : formatShare(value);
      const baseText = base === null ? '' : `${formatNumber(base)}${status === 'too_small' ? ` (under ${formatNumber(target.minBase)}: too few to judge)` : ''}`;
      return `<tr><th scope="row">${e(target.label)}${target.source ? `<div class="muted">${e(target.source)}</div>` : ''}</th><td>${e(describeTarget(target))}</td><td class="n">${status === 'too_small' ? '<span class="muted">suppressed</span>' : measured}</td><td class="n">${baseText}</td><td class="${status}">${STATUS[status]}</td></tr>`;
    })
    .join('');
  return `<table><thead><tr><th scope="col">Target</th><th scope="col">Aim</th><th scope="col">This period</th><th scope="col">Base</th><th scope="col">Result</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function findings(pack: MeetingPack): string {
  if (!pack.findings.length) return '<p>No errors or queries are open.</p>';
  const items = pack.findings
    .map(
      (f) =>
        `<li><strong>${f.severity === 'error' ? 'Error' : 'Query'}${f.cell ? ` (${e(f.cell)})` : ''}:</strong> ${e(f.message)}${f.explanation ? `<div class="explanation"><strong>Provider's explanation:</strong> ${e(f.explanation)}</div>` : f.severity === 'query' ? '<div class="muted">No explanation given.</div>' : ''}</li>`,
    )
    .join('');
  return `<ol class="findings">${items}</ol>`;
}

function quality(pack: MeetingPack): string {
  const notStated = pack.notStated.length
    ? `<h3>Not stated</h3><table><thead><tr><th scope="col">Breakdown</th><th scope="col">Not stated</th><th scope="col">Of</th><th scope="col">Share</th></tr></thead><tbody>${pack.notStated
        .map((n) => `<tr><th scope="row">${e(n.label)}</th><td class="n">${formatNumber(n.notStated)}</td><td class="n">${formatNumber(n.total)}</td><td class="n">${n.total > 0 ? formatShare(n.notStated / n.total) : ''}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const cases = pack.cases
    ? `<h3>Case rows</h3><p>The workbook holds ${formatNumber(pack.cases.rows)} case row${pack.cases.rows === 1 ? '' : 's'}; ${formatNumber(pack.cases.notCounted)} ${pack.cases.notCounted === 1 ? 'is' : 'are'} counted nowhere (a repeated Case ID or no usable referral date).</p>${
        pack.cases.contradictions.length
          ? `<table><thead><tr><th scope="col">Rows whose values contradict each other</th><th scope="col">Rows</th></tr></thead><tbody>${pack.cases.contradictions.map((c) => `<tr><th scope="row">${e(c.title)}</th><td class="n">${formatNumber(c.rows)}</td></tr>`).join('')}</tbody></table>`
          : '<p>No row contradicts itself.</p>'
      }`
    : '<p class="muted">The workbook holds no case rows (a copy sent to the commissioner), so rows not counted and contradictory rows cannot be shown.</p>';
  return notStated + cases;
}

/**
 * The meeting pack as one self-contained page: inline style and SVG only, no script, and a content security
 * policy that lets it fetch nothing, so it opens offline and sends nothing. Every workbook string is escaped.
 */
export function packHtml(pack: MeetingPack): string {
  const charts = pack.charts.map((c, i) => `<figure><figcaption>${e(c.title)}</figcaption>${svgChart(c, `c${i}`)}</figure>`).join('');
  return htmlPage(
    `Performance meeting: ${pack.title}, ${pack.period}`,
    STYLE,
    `<main>
<h1>Performance meeting pack</h1>
<p><strong>${e(pack.title)}</strong> (${e(pack.commissioner)})<br>${pack.provider ? `Provider: ${e(pack.provider)}<br>` : ''}Period: ${e(pack.period)}<br>Return: ${e(pack.source)}${pack.previousPeriods.length ? `<br>Compared with: ${pack.previousPeriods.map(e).join('; ')}` : ''}</p>
<h2>Headline figures</h2>${headlines(pack)}
<h2>Targets</h2>${targets(pack)}
<h2>Period by period</h2>${charts || '<p>No figures to chart.</p>'}
<h2>Open errors and queries</h2>${findings(pack)}
<h2>Data quality</h2>${quality(pack)}
</main>`,
  );
}
