import type { FileCheck } from '../engine/checks/checkReport';
import { dayFromIso, displayDay } from '../engine/cases/dates';
import { escapeHtml as e, htmlPage } from '../engine/report/html';

/** One file of a batch check, with what the page shows beside its findings. */
export interface CheckedFileView {
  check: FileCheck;
  /** The provider's name from the workbook (the file's name where it has none); null when the file could not be read. */
  provider: string | null;
  /** Figures the return holds that are blank; null for a file that could not be read. */
  blankFigures: number | null;
  /** The provider's explanation of each finding, in the order of check.issues. */
  explanations: (string | null)[];
}

const SEVERITY = { error: 'Error', query: 'Query', info: 'Note' } as const;

const CSS = `
body { font: 15px/1.45 system-ui, sans-serif; color: #1b1b1b; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-top: 1px solid #999; padding-top: 1rem; }
table { border-collapse: collapse; width: 100%; } caption { text-align: left; padding: .3rem 0; color: #444; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.error { border-left: 6px solid #b00020; } .query { border-left: 6px solid #b36b00; } .info { border-left: 6px solid #666; } .unusable { border-left: 6px double #b00020; }
ul.findings { list-style: none; padding: 0; } ul.findings li { margin: .5rem 0; padding: .3rem .6rem; }
.hint, .cells { color: #444; } .explanation { background: #f3f3f3; padding: .2rem .4rem; } .missing-explanation { font-style: italic; color: #444; }
@media print { h2 { break-before: auto; } li, tr { break-inside: avoid; } }
`;

/** The batch check as one page a commissioner keeps: a row per provider, then each file's findings with the provider's explanations. */
export function checkHtml(files: CheckedFileView[]): string {
  const checked = files.filter((f) => !('error' in f.check)).length;
  const rows = files.map((f, i) => summaryRow(f, i)).join('\n');
  const sections = files.map((f, i) => fileSection(f, i)).join('\n');
  const unusable = files.length - checked;
  const body = `<h1>Returns checked</h1>
<p>${files.length} file${files.length === 1 ? '' : 's'}: ${checked} checked${unusable ? `, ${unusable} could not be checked` : ''}.</p>
<table>
<caption>One row per file received; the provider's name is the one in its return.</caption>
<thead><tr><th scope="col">Provider</th><th scope="col">File</th><th scope="col">Framework</th><th scope="col">Period</th><th scope="col">Errors</th><th scope="col">Queries</th><th scope="col">Queries explained</th><th scope="col">Blank figures</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${sections}`;
  return htmlPage('Returns checked', CSS, body);
}

function summaryRow(view: CheckedFileView, index: number): string {
  const link = `<a href="#file-${index + 1}">${e(view.check.file)}</a>`;
  if ('error' in view.check) return `<tr class="unusable"><td>${e(view.provider ?? '—')}</td><td>${link}</td><td colspan="6">Could not be checked: ${e(view.check.error)}</td></tr>`;
  const { summary, framework } = view.check;
  return `<tr><td>${e(view.provider ?? '—')}</td><td>${link}</td><td>${e(framework)}</td><td>${e(periodText(view.check.period))}</td><td class="n">${summary.error}</td><td class="n">${summary.query}</td><td class="n">${explainedQueries(view)}</td><td class="n">${view.blankFigures ?? '—'}</td></tr>`;
}

function fileSection(view: CheckedFileView, index: number): string {
  const heading = `<h2 id="file-${index + 1}">${e(view.provider ?? view.check.file)}${view.provider ? ` <small>(${e(view.check.file)})</small>` : ''}</h2>`;
  if ('error' in view.check) return `${heading}\n<p class="unusable">Could not be checked: ${e(view.check.error)}</p>`;
  if (!view.check.issues.length) return `${heading}\n<p>No problems found.</p>`;
  const items = view.check.issues.map((finding, i) => {
    const explanation = view.explanations[i];
    const said = explanation
      ? `<div class="explanation">Provider's explanation: ${e(explanation)}</div>`
      : finding.severity === 'query' ? '<div class="missing-explanation">Not explained yet.</div>' : '';
    const cells = finding.cells.length ? `<div class="cells">Cells: ${e(finding.cells.join(', '))}</div>` : '';
    return `<li class="${finding.severity}"><strong>${SEVERITY[finding.severity]}:</strong> ${e(finding.message)}<div class="hint">${e(finding.hint)}</div>${cells}${said}</li>`;
  });
  return `${heading}\n<ul class="findings">\n${items.join('\n')}\n</ul>`;
}

function explainedQueries(view: CheckedFileView): number {
  if ('error' in view.check) return 0;
  return view.check.issues.filter((f, i) => f.severity === 'query' && view.explanations[i]).length;
}

function periodText(period: { from: string; to: string } | null): string {
  return period ? `${displayDay(dayFromIso(period.from)!)} to ${displayDay(dayFromIso(period.to)!)}` : 'not given';
}
