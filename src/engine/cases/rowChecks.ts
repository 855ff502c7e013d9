import type { Framework } from '../../frameworks/schema';
import { caseTest } from '../spec/caseTest';
import { conditionTerms, whereAtoms } from '../spec/terms';
import type { CaseRecord } from './caseRecord';
import { rowIssue, type RowIssue } from './rowIssues';
import type { IssueLog } from './issueLog';
import { durationRowChecks } from './durationChecks';
import { dateAloneRowChecks } from './dateAloneChecks';

/** How a row's cells read in the export: the header and the text of each column it has. */
export type RowCells = (key: string) => { header: string; text: string } | null;

/**
 * The framework's row checks, compiled once for an export: each finds rows whose values contradict each other.
 * A check reading a column the export does not have is left out (a blank there is not a contradiction). The
 * row is still counted by the definitions as given. A contradiction `log` keeps by row only is placed there at once,
 * never made in full.
 */
export function compileRowChecks(framework: Framework, absent: ReadonlySet<string>): (record: CaseRecord, cells: RowCells, log: IssueLog) => RowIssue[] {
  const compiled = [
    ...framework.rowChecks.flatMap((check) => {
      const read = [...check.columns, ...whereAtoms(check.where, framework), ...(check.anyOf ?? []).flatMap((w) => whereAtoms(w, framework))].map((c) => (typeof c === 'string' ? c : c.column));
      if (read.some((key) => absent.has(key))) return [];
      return [{ check, holds: caseTest(conditionTerms(check.where, check.anyOf, framework)) }];
    }),
    ...durationRowChecks(framework, absent),
    ...dateAloneRowChecks(framework, absent),
  ];
  const checks = compiled.map(({ check, holds }) => ({ check, holds, kind: { code: 'contradiction', severity: check.severity, check: check.id } as const }));
  return (record, cells, log) => {
    // Most rows contradict nothing: nothing is made for them.
    const found: RowIssue[] = [];
    for (const { check, holds, kind } of checks) {
      if (!holds(record)) continue;
      if (!log.wantsInFull(kind)) {
        log.addBeyond(kind, record.row);
        continue;
      }
      const shown = check.columns.flatMap((key) => {
        const c = cells(key);
        return c ? [{ ...c, key }] : [];
      });
      // A value that could not be read counts as blank: said so, or "Exit date "12/17/2019"" would sit beside "no exit date".
      const values = shown.map((c) => `${c.header} ${c.text.trim() === '' ? 'blank' : `"${c.text.trim()}"${record.values[c.key] === null ? ' (not readable, so taken as blank)' : ''}`}`);
      found.push(
        rowIssue('contradiction', record.row, shown.map((c) => c.header).join('; '), shown.map((c) => c.text.trim() || '(blank)').join('; '), `${values.join(', ')}: ${check.problem}. ${check.fix}`, {
          severity: check.severity,
          fix: check.fix,
          check: check.id,
          cells: shown.map((c) => ({ column: c.header, value: c.text.trim() })),
        }),
      );
    }
    return found;
  };
}
