import type { Framework } from '../frameworks/schema';
import { dateOf } from '../engine/cases/caseRecord';
import { importCases } from '../engine/cases/importCases';
import { rowIssueCatalogue, type RowIssue } from '../engine/cases/rowIssues';
import type { Finding } from '../engine/checks/findings';
import { refuseUnfitPrevious } from '../engine/checks/previousReturn';
import type { ReturnData } from '../engine/checks/returnData';
import type { Mapping } from '../engine/mapping/mapping';
import { meetingPack, type CaseQuality, type MeetingPack } from '../engine/report/meetingPack';
import { InputError } from '../errors';
import type { WorkbookPort } from '../workbook/port';
import { explanationKey, readExplanations } from './annotateReturn';
import { checkWorkbook } from './checkWorkbook';
import { caseIdRemover } from './prepareSubmission';
import { readCaseData } from './readCaseData';
import { CASE_DATA_SHEET } from './returnLayout';

/**
 * The meeting pack of a received return: checked as `returns check` does (against the latest earlier period),
 * with the explanations the provider typed in its Findings sheet and, where the workbook still holds its case
 * rows, what they say about data quality; Case IDs are taken out of every text. Earlier periods are put in date order; they must be earlier periods of the same provider's same return.
 */
export async function meetingPackOf(port: WorkbookPort, source: string, previous: readonly ReturnData[], options: { frameworkFor?: (id: string) => Framework; mapping?: Mapping | null } = {}): Promise<MeetingPack> {
  const ordered = [...previous].sort((a, b) => (a.period?.from ?? 0) - (b.period?.from ?? 0));
  const { read, findings } = await checkWorkbook(port, source, { previous: ordered[ordered.length - 1] ?? null, frameworkFor: options.frameworkFor, mapping: options.mapping ?? null });
  const current = read.data;
  for (const p of ordered) refuseUnfitPrevious(current, p);
  const explanations = await readExplanations(port);
  // The pack goes to a meeting with the commissioner: no Case ID from the workbook's case rows goes with it.
  const clean = await caseIdRemover(port, source, current.framework);
  const cleaned = findings.map((f) => ({ ...f, message: clean(f.message), hint: clean(f.hint) }));
  const explanationOf = (f: Finding) => {
    const text = explanations.get(explanationKey(f));
    return text === undefined ? null : clean(text);
  };
  return meetingPack(current, ordered, cleaned, explanationOf, await caseQuality(port, source, current.framework), current.provider ?? null);
}

/** What the workbook's own case rows say, or null when it holds none (a submission copy). */
async function caseQuality(port: WorkbookPort, source: string, framework: Framework): Promise<CaseQuality | null> {
  if (!(await port.sheetNames()).includes(CASE_DATA_SHEET)) return null;
  let imported;
  try {
    imported = importCases(await readCaseData(port, source), framework);
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
  const notCounted = imported.cases.filter((c) => c.duplicateOf !== null || dateOf(c, framework.caseDates.referral) === null).length;
  // The framework's row checks, and an end date before its start date (an exit before the referral).
  const kinds = [
    ...framework.rowChecks.map((check) => ({ title: check.title, is: (i: RowIssue) => i.code === 'contradiction' && i.check === check.id })),
    { title: rowIssueCatalogue.dates_out_of_order.title, is: (i: RowIssue) => i.code === 'dates_out_of_order' },
  ];
  const contradictions = kinds.flatMap(({ title, is }) => {
    const rows = new Set(imported.issues.filter(is).map((i) => i.row));
    return rows.size ? [{ title, rows: rows.size }] : [];
  });
  return { rows: imported.cases.length, notCounted, contradictions };
}
