import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import { dayFromIso, displayDay } from '../engine/cases/dates';
import { rowIssueCatalogue, type RowIssue } from '../engine/cases/rowIssues';
import { rowIssueCount, type TallyReport } from '../engine/report/tallyReport';
import { issueKind } from '../engine/cases/issueLog';

const EXAMPLES_PER_KIND = 3;
const LABEL_WIDTH = 72;
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** The tally as a person reads it: sections with labels and numbers, then the row issues summarised by kind. */
export function formatTallyReport(report: TallyReport, framework: Framework, options: { all: boolean }): string {
  const lines: string[] = [];
  const day = (iso: string) => displayDay(dayFromIso(iso)!);
  lines.push(framework.title, `Period: ${day(report.period.from)} to ${day(report.period.to)}`);
  if (report.source && report.cases)
    lines.push(`Cases: ${number.format(report.cases.rows)} rows from ${report.source}${report.cases.notCounted ? ` (${number.format(report.cases.notCounted)} counted nowhere: see row issues)` : ''}`);

  const figures = figuresOf(framework);
  let hiddenCross = 0;
  for (const section of framework.sections) {
    const inSection = figures.filter((f) => f.section === section.id);
    if (!inSection.length) continue;
    lines.push('', section.label);
    for (const figure of inSection) {
      const depth = Object.keys(figure.categories).length;
      if (depth > 1 && !options.all) {
        hiddenCross++;
        continue;
      }
      const value = report.figures[figure.id];
      const percentage = figure.template.kind === 'percentage';
      const shown = value === null || value === undefined ? '–' : `${number.format(value)}${percentage ? '%' : ''}`;
      const indent = '  '.repeat(depth + 1);
      // A percentage is shown with its base, so a reader can check it.
      const baseValue = percentage ? report.figures[figure.parts[1]!] : undefined;
      const base = percentage ? `  of ${baseValue === null || baseValue === undefined ? '–' : number.format(baseValue)} (${figure.parts[1]})` : '';
      lines.push(`${`${indent}${figure.label}`.padEnd(LABEL_WIDTH)} ${shown.padStart(8)}${base}`);
    }
  }
  if (hiddenCross) lines.push('', `(${number.format(hiddenCross)} cross-table figures by crime type not shown: add --all, or use --json.)`);

  for (const spec of framework.lists) {
    const list = report.lists[spec.id];
    if (!Array.isArray(list)) continue;
    lines.push('', `${spec.label}: ${list.length || 'none'}`);
    for (const entry of list.slice(0, 10) as Record<string, unknown>[]) {
      if ('name' in entry) lines.push(`  ${String(entry.name)} (${String(entry.count)})`);
      else lines.push(`  Case ${String(entry.caseId)} (row ${String(entry.row)}): ${String(entry.words)} words${spec.maxWords && Number(entry.words) > spec.maxWords ? `, over the ${spec.maxWords}-word limit` : ''}`);
    }
    if (list.length > 10) lines.push(`  … and ${list.length - 10} more`);
  }

  if (report.notes.length) lines.push('', 'Notes', ...report.notes.map((n) => `  - ${n.message}`));
  lines.push('', ...formatRowIssues(report, framework));
  return lines.join('\n');
}

function formatRowIssues(report: TallyReport, framework: Framework): string[] {
  const issues = report.rowIssues;
  const total = rowIssueCount(report);
  if (!total) return ['Row issues: none.'];
  const errors = rowIssueCount(report, 'error');
  const lines = [`Row issues: ${plural(errors, 'error')}, ${plural(total - errors, 'warning')} (the first ${EXAMPLES_PER_KIND} of each kind are shown; --json lists them all)`];
  // A contradiction is grouped by the framework's row check that found it, with that check's title.
  const byKind = new Map<string, RowIssue[]>();
  for (const issue of issues) byKind.set(issueKind(issue), [...(byKind.get(issueKind(issue)) ?? []), issue]);
  // One kind can be beyond the shown ones in the case data and in each event table: their rows add up.
  const beyond = new Map<string, number>();
  for (const m of report.moreRowIssues) beyond.set(issueKind(m), (beyond.get(issueKind(m)) ?? 0) + m.rows.length);
  const count = (kind: string, group: RowIssue[]) => group.length + (beyond.get(kind) ?? 0);
  for (const [kind, group] of [...byKind].sort((a, b) => count(b[0], b[1]) - count(a[0], a[1]))) {
    const first = group[0]!;
    const title = framework.rowChecks.find((c) => c.id === first.check)?.title ?? rowIssueCatalogue[kind as keyof typeof rowIssueCatalogue]?.title ?? kind;
    lines.push(`  ${title} (${first.severity}): ${plural(count(kind, group), 'row')}`);
    for (const issue of group.slice(0, EXAMPLES_PER_KIND)) lines.push(`    ${issueLine(issue)}`);
  }
  return lines;
}

/** "row 20, Channel: …", an event table's row named with its file first ("contacts.csv row 20, Channel: …"), not after the column. */
function issueLine(issue: RowIssue): string {
  const prefix = issue.source ? `${issue.source}: ` : '';
  const inFile = prefix !== '' && issue.message.startsWith(prefix);
  return `${inFile ? `${issue.source} ` : ''}row ${issue.row}${issue.column ? `, ${issue.column}` : ''}: ${inFile ? issue.message.slice(prefix.length) : issue.message}`;
}

function plural(n: number, word: string): string {
  return `${number.format(n)} ${word}${n === 1 ? '' : 's'}`;
}
