import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import { dayFromJsDate, displayDay, jsDateOfDay } from '../engine/cases/dates';
import type { RawTable } from '../engine/cases/rawTable';
import { figureFormula } from '../engine/formulas/figureFormula';
import { PERIOD_FROM, PERIOD_TO } from '../engine/formulas/names';
import { importCases } from '../engine/cases/importCases';
import { tallyImported, type TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import type { CaseText, NamedCount } from '../engine/tally/tally';
import { InputError } from '../errors';
import { sheetCell } from '../workbook/addresses';
import type { CellWrite, WorkbookOperation, WorkbookPort } from '../workbook/port';
import { caseSheets } from './caseTable';
import { CASE_DATA_SHEET, CASES_SHEET, listName, returnSheets, RETURN_NAMES } from './returnLayout';

export const REPLACED_SHEET = 'Replaced values';

export interface Replacement {
  figure: string;
  label: string;
  cell: string;
  was: CellWrite;
  now: number | null;
}

export interface FillResult {
  report: TallyReport;
  /** Typed figures that differ from the case data: replaced only with `overwrite`, and kept in their own sheet. */
  replaced: Replacement[];
}

/**
 * Fills a return from case data: the pasted original and the normalised case table, and a live formula in
 * every figure cell with its computed value. Into a workbook that is already a return, typed figures that
 * differ from the computed ones stop the fill (nothing is written) unless `overwrite` is given.
 */
export async function fillReturn(port: WorkbookPort, input: { framework: Framework; period: Period; table: RawTable; overwrite?: boolean }): Promise<FillResult> {
  const { framework, period, table } = input;
  const imported = importCases(table, framework);
  const report = tallyImported(imported, table.source, framework, period);
  // Each figure's formula with its value; figures the provider types in have none.
  const contents = new Map(
    figuresOf(framework).map((figure) => {
      const formula = figureFormula(figure, framework);
      return [figure.id, formula ? { formula, result: report.figures[figure.id] ?? '' } : null] as const;
    }),
  );
  const content = (id: string) => contents.get(id) ?? null;
  const periodDates = { from: jsDateOfDay(period.from), to: jsDateOfDay(period.to) };
  const lists = listRows(framework, report);
  const existing = await port.names();
  const operations: WorkbookOperation[] = [];
  let replaced: Replacement[] = [];

  const returnSheetNames = [...new Set(framework.sections.map((s) => s.sheet))];
  if (existing.length === 0) {
    const sheets = returnSheets(framework, (figure) => content(figure.id), { period: periodDates, lists });
    operations.push(...sheets.operations, ...caseSheets(framework, table, imported));
  } else {
    const named = new Map(existing.map((n) => [n.name, n]));
    const frameworkCell = named.get(RETURN_NAMES.framework);
    const [frameworkValue] = frameworkCell ? (await port.read([frameworkCell]))[0]![0]! : [null];
    if (frameworkValue !== framework.id)
      throw new InputError(`The workbook is not a ${framework.title} (it has no cell named ${RETURN_NAMES.framework} holding "${framework.id}"). Start from returns template, or fill a new workbook with --out.`);
    const figures = figuresOf(framework).filter((f) => content(f.id) !== null);
    const missing = figures.filter((f) => !named.has(f.id));
    if (missing.length) throw new InputError(`The workbook has no cell named ${missing.slice(0, 5).map((f) => f.id).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}: it was not made from this template version. Start from returns template.`);
    const places = figures.map((f) => named.get(f.id)!);
    const [values, formulas] = [await port.read(places), await port.formulas(places.map((p) => ({ sheet: p.sheet, cell: p.range })))];
    replaced = figures.flatMap((figure, i) => {
      const was = values[i]![0]![0] ?? null;
      const now = report.figures[figure.id] ?? null;
      const typed = formulas[i] === null && was !== null && was !== '';
      if (!typed || (typeof was === 'number' && now !== null && Math.abs(was - now) < 0.005)) return [];
      return [{ figure: figure.id, label: figure.label, cell: sheetCell(places[i]!.sheet, places[i]!.range), was, now }];
    });
    if (replaced.length && !input.overwrite) throw differencesError(replaced);
    figures.forEach((figure, i) => operations.push({ op: 'write', sheet: places[i]!.sheet, at: places[i]!.range, rows: [[content(figure.id)]] }, { op: 'style', sheet: places[i]!.sheet, range: places[i]!.range, style: 'figure' }));
    for (const [name, date] of [[PERIOD_FROM, periodDates.from], [PERIOD_TO, periodDates.to]] as const) {
      const place = named.get(name);
      if (place) operations.push({ op: 'write', sheet: place.sheet, at: place.range.split(':')[0]!, rows: [[date]] });
    }
    for (const [id, rows] of Object.entries(lists)) {
      const place = named.get(listName(id));
      if (place && rows.length) operations.push({ op: 'write', sheet: place.sheet, at: place.range.split(':')[0]!, rows });
    }
    const sheets = await port.sheetNames();
    for (const sheet of [CASE_DATA_SHEET, CASES_SHEET, ...(replaced.length ? [REPLACED_SHEET] : [])]) if (sheets.includes(sheet)) operations.push({ op: 'removeSheet', sheet });
    operations.push(...caseSheets(framework, table, imported));
    if (replaced.length) operations.push(...replacedSheet(replaced));
  }
  // Formulas now live in the figure cells: lock them against accidental typing; input cells stay open.
  for (const sheet of returnSheetNames) operations.push({ op: 'protect', sheet });
  await port.apply(operations);
  return { report, replaced };
}

function listRows(framework: Framework, report: TallyReport): Record<string, CellWrite[][]> {
  return Object.fromEntries(
    framework.lists.map((spec) => {
      const list = (report.lists[spec.id] ?? []) as (NamedCount | CaseText)[];
      return [spec.id, list.map((entry) => ('name' in entry ? [entry.name, entry.count] : [entry.caseId, entry.text]))];
    }),
  );
}

function replacedSheet(replaced: Replacement[]): WorkbookOperation[] {
  return [
    { op: 'addSheet', sheet: REPLACED_SHEET },
    { op: 'write', sheet: REPLACED_SHEET, at: 'A1', rows: [['Figure', 'Cell', 'Typed value replaced', 'Value from the case data'], ...replaced.map((r) => [r.label, r.cell, r.was, r.now])] },
    { op: 'style', sheet: REPLACED_SHEET, range: 'A1:D1', style: 'table_header' },
    { op: 'columnWidths', sheet: REPLACED_SHEET, widths: [62, 20, 22, 22] },
  ];
}

function differencesError(replaced: Replacement[]): InputError {
  const shown = replaced.slice(0, 20).map((r) => `  ${r.cell} ${r.label}: typed ${String(r.was instanceof Date ? displayDay(dayFromJsDate(r.was) ?? 0) : r.was)}, the case data gives ${r.now ?? 'blank'}`);
  return new InputError(
    `${replaced.length} typed figure${replaced.length === 1 ? ' differs' : 's differ'} from what the case data gives, so nothing was written:\n${shown.join('\n')}${replaced.length > 20 ? `\n  … and ${replaced.length - 20} more` : ''}\nCheck them; to replace them with formulas anyway, run again with --overwrite (the typed values are kept in a "${REPLACED_SHEET}" sheet).`,
  );
}
