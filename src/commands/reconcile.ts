import { figuresOf, type Figure } from '../frameworks/expand';
import { importCases } from '../engine/cases/importCases';
import type { RawTable } from '../engine/cases/rawTable';
import { catalogueFinding, type Finding } from '../engine/checks/findings';
import { casesBehind } from '../engine/tally/casesBehind';
import type { CaseRecord } from '../engine/cases/caseRecord';
import type { EventRows } from '../engine/events/eventImport';
import { tallyTable } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import type { Framework } from '../frameworks/schema';
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
 * Compares each figure a person typed with the tally of the case data the workbook holds, naming the cases
 * behind the computed figure so a wrong total can be traced to its rows; and names the cases behind each
 * target missed by a figure the case data gives (exits without an outcome), so they can be found and fixed.
 */
export function reconcile(read: ReadReturn, caseData: RawTable, findings: readonly Finding[], events: readonly EventRows[] = []): Finding[] {
  const { framework, period } = read.data;
  if (!period) return [...findings];
  let imported;
  try {
    imported = importCases(caseData, framework);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return [...findings, unreadableFinding(`The case data could not be compared with the figures: ${e.message}`, 'Paste the case export with its header row into the case-data sheet.')];
  }
  if (imported.cases.length === 0) return [...findings];
  const tally = tallyCases(imported.cases, framework, period, imported.absent);
  // The event rows the workbook holds give the event figures (and those added up from them) too.
  const withEvents = events.length ? eventFigures(caseData, framework, period, events) : null;
  const computedFigures = withEvents && 'figures' in withEvents ? withEvents.figures : tally.figures;
  const eventRecords = withEvents && 'records' in withEvents ? withEvents.records : {};
  const byId = new Map(figuresOf(framework).map((f) => [f.id, f]));
  const behind = (figure: Figure) => casesBehind(figure, imported.cases, framework, period, eventRecords).map((c) => c.id || `row ${c.row}`);
  const listed = (cases: string[]) => `${cases.slice(0, CASES_SHOWN).join(', ')}${cases.length > CASES_SHOWN ? ` and ${cases.length - CASES_SHOWN} more` : ''}`;

  const withCases = findings.map((finding): Finding => {
    const figure = byId.get(finding.figures[0] ?? '');
    if (finding.code !== 'threshold' || !figure || !read.formulas.has(figure.id)) return finding;
    const cases = behind(figure);
    return cases.length ? { ...finding, message: `${finding.message} The cases: ${listed(cases)}.`, cases } : finding;
  });

  const differences = figuresOf(framework).flatMap((figure): Finding[] => {
    const typed = read.data.values[figure.id];
    const computed = computedFigures[figure.id];
    if (read.formulas.has(figure.id) || typeof typed !== 'number' || computed === null || computed === undefined || Math.abs(typed - computed) < 0.005) return [];
    const cases = behind(figure);
    return [
      catalogueFinding('typed_differs_from_cases', {
        severity: 'error',
        figures: [figure.id],
        cells: read.data.cells[figure.id] ? [read.data.cells[figure.id]!] : [],
        params: { actual: typed, expected: computed, difference: typed - computed },
        message: `${figure.label} is typed as ${format.format(typed)}, but the case data in this workbook gives ${format.format(computed)} (${format.format(Math.abs(typed - computed))} ${typed > computed ? 'more' : 'fewer'}).${cases.length ? ` The cases behind ${format.format(computed)}: ${listed(cases)}.` : ''}`,
        hint: 'Correct the figure, or the case data if a case is recorded wrongly; filling the return puts a formula in the cell so the two cannot drift apart.',
        ...(cases.length ? { cases } : {}),
      }),
    ];
  });
  const unreadable = withEvents && 'problem' in withEvents ? [unreadableFinding(`The event rows could not be compared with the figures: ${withEvents.problem}`, 'Paste each event export with its header row into its event-data sheet.')] : [];
  return [...withCases, ...differences, ...unreadable];
}

/** Every figure counted from the case and event rows, with each event table's rows as joined; or why they cannot be read. */
function eventFigures(caseData: RawTable, framework: Framework, period: Period, events: readonly EventRows[]): { figures: Record<string, number | null>; records: Record<string, CaseRecord[]> } | { problem: string } {
  const records: Record<string, CaseRecord[]> = {};
  try {
    const report = tallyTable(caseData, framework, period, {}, events, (table, record) => (records[table] ??= []).push(record));
    return { figures: report.figures, records };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { problem: e.message };
  }
}

function unreadableFinding(message: string, hint: string): Finding {
  return catalogueFinding('case_data_unreadable', { severity: 'info', figures: [], cells: [], params: {}, message, hint });
}
