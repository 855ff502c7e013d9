import type { CheckReport } from '../engine/checks/checkReport';
import type { Finding } from '../engine/checks/findings';
import { dayFromIso, displayDay } from '../engine/cases/dates';

const HEADINGS = { error: 'Errors: must be fixed', query: 'Queries: fix or explain', info: 'For information' } as const;
const MARKS = { error: '✗', query: '?', info: 'i' } as const;

/** Findings as a person reads them: per file, grouped by severity with counts, each with what to do. */
export function formatCheckReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (lines.length) lines.push('');
    if ('error' in file) {
      lines.push(`${file.file}: could not be checked.`);
      continue;
    }
    const period = file.period ? `, ${displayDay(dayFromIso(file.period.from)!)} to ${displayDay(dayFromIso(file.period.to)!)}` : '';
    lines.push(`${file.file} (${file.framework}${period})`);
    const { error, query, info } = file.summary;
    if (error + query + info === 0) {
      lines.push('  No problems found.');
      continue;
    }
    lines.push(`  ${count(error, 'error')}, ${count(query, 'query', 'queries')}, ${count(info, 'note')}`);
    for (const severity of ['error', 'query', 'info'] as const) {
      const group = file.issues.filter((f) => f.severity === severity);
      if (!group.length) continue;
      lines.push('', `  ${HEADINGS[severity]} (${group.length})`);
      for (const finding of group) lines.push(...formatFinding(finding));
    }
  }
  if (report.files.length > 1) {
    const s = report.summary;
    lines.push('', `All ${report.files.length} files: ${count(s.error, 'error')}, ${count(s.query, 'query', 'queries')}, ${count(s.info, 'note')}${s.unusable ? `, ${s.unusable} could not be checked` : ''}.`);
  }
  return lines.join('\n');
}

function formatFinding(finding: Finding & { explanation?: string }): string[] {
  const where = finding.cells.length ? ` [${finding.cells.slice(0, 3).join(', ')}${finding.cells.length > 3 ? ', …' : ''}]` : '';
  return [`    ${MARKS[finding.severity]} ${finding.message}${where}`, `      ${finding.hint}`, ...(finding.explanation ? [`      Provider's explanation: ${finding.explanation}`] : [])];
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
