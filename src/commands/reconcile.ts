import { figuresOf } from '../frameworks/expand';
import { importCases } from '../engine/cases/importCases';
import type { RawTable } from '../engine/cases/rawTable';
import type { Finding } from '../engine/checks/findings';
import { casesBehind } from '../engine/tally/casesBehind';
import { tallyCases } from '../engine/tally/tally';
import { InputError } from '../errors';
import type { ReadReturn } from './readReturn';

const CASES_SHOWN = 10;
/** Opens the sentence listing Case IDs, always the last of a reconciliation message. */
const CASES_BEHIND = ' The cases behind ';

/** A reconciliation message without its list of Case IDs: what may leave with a return. */
export function withoutCaseList(message: string): string {
  const at = message.indexOf(CASES_BEHIND);
  return at < 0 ? message : message.slice(0, at);
}
const format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/**
 * Compares each figure a person typed with the tally of the case data the workbook holds, and names the cases
 * behind the computed figure, so a wrong total can be traced to its rows.
 */
export function reconcile(read: ReadReturn, caseData: RawTable): Finding[] {
  const { framework, period } = read.data;
  if (!period) return [];
  let imported;
  try {
    imported = importCases(caseData, framework);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return [{ rule: 'reconciliation', kind: 'reconciliation', severity: 'info', figures: [], cells: [], message: `The case data could not be compared with the figures: ${e.message}`, hint: 'Paste the case export with its header row into the case-data sheet.' }];
  }
  if (imported.cases.length === 0) return [];
  const tally = tallyCases(imported.cases, framework, period);
  return figuresOf(framework).flatMap((figure): Finding[] => {
    const typed = read.data.values[figure.id];
    const computed = tally.figures[figure.id];
    if (read.formulas.has(figure.id) || typeof typed !== 'number' || computed === null || computed === undefined || Math.abs(typed - computed) < 0.005) return [];
    const behind = casesBehind(figure, imported.cases, framework, period).map((c) => c.id || `row ${c.row}`);
    const listed = behind.length ? `${CASES_BEHIND}${format.format(computed)}: ${behind.slice(0, CASES_SHOWN).join(', ')}${behind.length > CASES_SHOWN ? ` and ${behind.length - CASES_SHOWN} more` : ''}.` : '';
    return [{
      rule: 'reconciliation',
      kind: 'reconciliation',
      severity: 'error',
      figures: [figure.id],
      cells: read.data.cells[figure.id] ? [read.data.cells[figure.id]!] : [],
      message: `${figure.label} is typed as ${format.format(typed)}, but the case data in this workbook gives ${format.format(computed)} (${format.format(Math.abs(typed - computed))} ${typed > computed ? 'more' : 'fewer'}).${listed}`,
      hint: 'Correct the figure, or the case data if a case is recorded wrongly; filling the return puts a formula in the cell so the two cannot drift apart.',
      ...(behind.length ? { cases: behind } : {}),
    }];
  });
}
