import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import { dayFromJsDate, displayDay, jsDateOfDay, readDate } from '../engine/cases/dates';
import type { ImportNote } from '../engine/cases/rowIssues';
import { FINDINGS_SHEET } from './annotateReturn';
import type { RawTable } from '../engine/cases/rawTable';
import { figureFormula } from '../engine/formulas/figureFormula';
import { PERIOD_FROM, PERIOD_TO } from '../engine/formulas/names';
import type { EventRows } from '../engine/events/eventImport';
import { blankColumnsReason, leftBlank, type TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import type { CaseText, NamedCount } from '../engine/tally/tally';
import { InputError } from '../errors';
import { stopIfAborted, type RunOptions } from '../engine/progress';
import type { ImportOptions } from '../engine/cases/importCases';
import { sheetCell } from '../workbook/addresses';
import type { CellWrite, NamedRange, WorkbookOperation, WorkbookPort } from '../workbook/port';
import type { Mapping } from '../engine/mapping/mapping';
import { tableRows, tallyIntoCaseSheets, type CaseRowStream } from './caseRows';
import { eventSheets } from './eventSheets';
import { isMapped, mappingOperations } from './mappedWorkbook';
import { refuseUnfitMapping } from './mapTemplate';
import { listCutNote, listOperations } from './listPlacement';
import { REPLACED_SHEET, returnSheets, RETURN_NAMES, rowSheetNames, type FigureContent } from './returnLayout';

export { REPLACED_SHEET } from './returnLayout';

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
  /** How many figure cells got a formula (a commissioner's template holds only the figures it asks for). */
  filled: number;
}

/**
 * Fills a return from case data: the pasted original and the normalised case table, and a live formula in
 * every figure cell with its computed value. Into a workbook that is already a return (ours, or a
 * commissioner's template mapped with `mapping` or earlier), typed figures that differ from the computed ones
 * stop the fill (nothing is written) unless `overwrite` is given. A commissioner's template keeps every cell,
 * style and setting of its own: only its figure cells get formulas, and figures it does not hold are left out.
 */
export async function fillReturn(port: WorkbookPort, input: { framework: Framework; period: Period; table: RawTable | CaseRowStream; events?: EventRows[]; overwrite?: boolean; mapping?: Mapping; profile?: string | null } & RunOptions & Pick<ImportOptions, 'issueLimit'>): Promise<FillResult> {
  const { framework, period, table } = input;
  const rows = 'rows' in table ? tableRows(table) : table;
  const run = { ...(input.onProgress ? { onProgress: input.onProgress } : {}), ...(input.signal ? { signal: input.signal } : {}), ...(input.issueLimit !== undefined ? { issueLimit: input.issueLimit } : {}), profile: input.profile ?? null };
  const { report, sheets: caseSheets, events } = await tallyIntoCaseSheets(port, rows, framework, period, run, input.events ?? []);
  // The case sheets and each event table's: the rows every formula counts.
  const rowSheets = () => [...caseSheets.operations(), ...eventSheets(framework, events)];
  const periodDates = { from: jsDateOfDay(period.from), to: jsDateOfDay(period.to) };
  const lists = listRows(framework, report);
  const operations: WorkbookOperation[] = [];
  let existing = await port.names();

  if (input.mapping) {
    await refuseUnfitMapping(port, input.mapping, framework, 'fill', 'The mapping cannot be used on this workbook', 'Correct the mapping (returns map proposes one) and try again.');
    const named = mappingOperations(input.mapping, framework, await port.sheetNames());
    operations.push(...named);
    existing = namesAfter(existing, named);
  }
  const contents = figureContents(framework, report, existing);
  const content = (id: string) => contents.get(id) ?? null;

  let replaced: Replacement[] = [];
  if (existing.length === 0) {
    const returnSheetNames = [...new Set(framework.sections.map((s) => s.sheet))];
    const laidOut = returnSheets(framework, (figure) => content(figure.id), { period: periodDates, lists, profile: input.profile ?? null });
    // Appended one by one: a spread of an operation per row overflows the call stack on a big export.
    for (const op of [...laidOut.operations, ...rowSheets(), ...blankFigureNoteOperations(framework, report, (id) => laidOut.cells.get(id))]) operations.push(op);
    // Formulas now live in the figure cells: lock them against accidental typing; input cells stay open.
    for (const sheet of returnSheetNames) operations.push({ op: 'protect', sheet });
    await write(port, operations, input);
    return { report, replaced, filled: [...contents.values()].filter((c) => c !== null).length };
  }

  const named = new Map(existing.map((n) => [n.name, n]));
  const mapped = isMapped(existing);
  const frameworkCell = named.get(RETURN_NAMES.framework);
  // The framework cell and the period the workbook holds, in one round trip, to tell when the fill changes the
  // period (a mapping given now names them on a sheet the fill is yet to add).
  const asked = input.mapping ? [] : [frameworkCell, named.get(PERIOD_FROM), named.get(PERIOD_TO)];
  const heldPlaces = asked.filter((p): p is NamedRange => p !== undefined);
  const heldValues = heldPlaces.length ? await port.read(heldPlaces) : [];
  const heldAt = (place: NamedRange | undefined) => (place ? (heldValues[heldPlaces.indexOf(place)]?.[0]?.[0] ?? null) : null);
  const frameworkValue = input.mapping ? framework.id : heldAt(frameworkCell);
  const [was, wasTo] = [readDate(heldAt(asked[1])), readDate(heldAt(asked[2]))];
  if (frameworkValue !== framework.id)
    throw new InputError(`The workbook is not a ${framework.title} (it has no cell named ${RETURN_NAMES.framework} holding "${framework.id}"). Start from returns template, map the commissioner's template with returns map, or fill a new workbook with --out.`);
  const computed = figuresOf(framework).filter((f) => content(f.id) !== null);
  // A commissioner's template holds the figures it asks for; ours holds every one.
  const figures = mapped ? computed.filter((f) => named.has(f.id)) : computed;
  const missing = figures.filter((f) => !named.has(f.id));
  if (missing.length) throw new InputError(`The workbook has no cell named ${missing.slice(0, 5).map((f) => f.id).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}: it was not made from this template version. Start from returns template.`);
  const places = figures.map((f) => named.get(f.id)!);
  const blankPlaces = new Map(Object.keys(leftBlank(report)).flatMap((id) => (named.has(id) ? [[id, named.get(id)!] as const] : [])));
  // One read of formulas for the figure cells and the cells left blank alike: a constant number of round trips.
  const cellFormulas = await port.formulas([...places, ...blankPlaces.values()].map((p) => ({ sheet: p.sheet, cell: p.range })));
  const [values, formulas, blankFormulas] = [await port.read(places), cellFormulas.slice(0, places.length), cellFormulas.slice(places.length)];
  // A template nobody has filled in yet may show 0 in every box: those are its blanks, not typed figures.
  const untouched = values.every((v, i) => formulas[i] !== null || v[0]![0] === null || v[0]![0] === '' || v[0]![0] === 0);
  replaced = figures.flatMap((figure, i) => {
    const was = values[i]![0]![0] ?? null;
    const now = report.figures[figure.id] ?? null;
    const typed = formulas[i] === null && was !== null && was !== '' && !(untouched && was === 0);
    if (!typed || (typeof was === 'number' && now !== null && Math.abs(was - now) < 0.005)) return [];
    return [{ figure: figure.id, label: figure.label, cell: sheetCell(places[i]!.sheet, places[i]!.range), was, now }];
  });
  if (replaced.length && !input.overwrite) throw differencesError(replaced);
  figures.forEach((figure, i) => {
    operations.push({ op: 'write', sheet: places[i]!.sheet, at: places[i]!.range, rows: [[content(figure.id)]] });
    // The commissioner's cells keep their own look.
    if (!mapped) operations.push({ op: 'style', sheet: places[i]!.sheet, range: places[i]!.range, style: 'figure' });
  });
  // A figure the export cannot give loses any formula of an earlier fill and is left open for typing, with a
  // note saying why; what a person typed there stays.
  [...blankPlaces.values()].forEach((place, i) => {
    if (blankFormulas[i] !== null) operations.push({ op: 'write', sheet: place.sheet, at: place.range, rows: [[null]] });
    if (!mapped) operations.push({ op: 'style', sheet: place.sheet, range: place.range, style: 'input' });
  });
  operations.push(...blankFigureNoteOperations(framework, report, (id) => { const p = blankPlaces.get(id); return p && { sheet: p.sheet, cell: p.range }; }));
  for (const [name, value] of [[PERIOD_FROM, periodDates.from], [PERIOD_TO, periodDates.to], ...(input.profile ? [[RETURN_NAMES.profile, input.profile] as const] : [])] as const) {
    const place = named.get(name);
    if (place) operations.push({ op: 'write', sheet: place.sheet, at: place.range.split(':')[0]!, rows: [[value]] });
  }
  const placedLists = await listOperations(port, framework, lists, named);
  operations.push(...placedLists.operations);
  // Sheets are read only where a workbook has some to keep: a new return costs Excel no extra round trip.
  const sheets = await port.sheetNames();
  for (const sheet of [...rowSheetNames(framework), ...(replaced.length ? [REPLACED_SHEET] : [])]) if (sheets.includes(sheet)) operations.push({ op: 'removeSheet', sheet });
  for (const op of [...rowSheets(), ...(replaced.length ? replacedSheet(replaced) : [])]) operations.push(op);
  // Our figure sheets are locked again; a commissioner's sheets keep the protection they had.
  if (!mapped) for (const sheet of new Set(framework.sections.map((s) => s.sheet))) if (sheets.includes(sheet)) operations.push({ op: 'protect', sheet });
  await write(port, operations, input);
  // What the fill changed beyond the figures is told with the report's notes, wherever the fill is shown.
  const notes: ImportNote[] = [
    ...placedLists.cut.map(listCutNote),
    ...(was?.ok && wasTo?.ok && (was.day !== period.from || wasTo.day !== period.to)
      ? [{ code: 'period_changed' as const, message: `The return's period was ${displayDay(was.day)} to ${displayDay(wasTo.day)}; it is now ${displayDay(period.from)} to ${displayDay(period.to)}, the period the fill was given.` }]
      : []),
    ...(sheets.includes(FINDINGS_SHEET)
      ? [{ code: 'findings_stale' as const, message: `The "${FINDINGS_SHEET}" sheet is from a check of the figures before this fill: check the return again to bring it up to date (the explanations typed there are kept).` }]
      : []),
  ];
  return { report: { ...report, notes: [...report.notes, ...notes] }, replaced, filled: figures.length };
}

/** Applies the fill's operations as one change: a cancelled fill stops before it, so nothing is half written. */
async function write(port: WorkbookPort, operations: WorkbookOperation[], options: RunOptions): Promise<void> {
  stopIfAborted(options.signal);
  options.onProgress?.('writing', 0, 1);
  await port.apply(operations);
  options.onProgress?.('writing', 1, 1);
}

/**
 * Each figure's formula with its value; figures the provider types in have none. A total over parts the
 * workbook does not name (a commissioner's template may not hold every part) counts those parts itself.
 */
function figureContents(framework: Framework, report: TallyReport, names: NamedRange[]): Map<string, FigureContent> {
  const byId = new Map(figuresOf(framework).map((f) => [f.id, f]));
  const named = new Set(names.map((n) => n.name));
  const partial = names.length > 0;
  const noTable = countedFromTablesNotGiven(framework, report);
  const blank = leftBlank(report);
  return new Map(
    figuresOf(framework).map((figure) => {
      // A figure the export cannot give has no formula: it is left blank, with a note saying why.
      if (blank[figure.id] || noTable.has(figure.id)) return [figure.id, null] as const;
      const own = figureFormula(figure, framework);
      const formula =
        figure.template.kind === 'sum_of' && partial && figure.parts.some((p) => !named.has(p))
          ? figure.parts.map((p) => (named.has(p) ? p : `(${figureFormula(byId.get(p)!, framework) || '0'})`)).join('+')
          : own;
      return [figure.id, formula ? { formula, result: report.figures[figure.id] ?? '' } : null] as const;
    }),
  );
}

/** Figures counted from an event table the fill was not given (and totals over them): left open for typing, as their tally is blank. */
function countedFromTablesNotGiven(framework: Framework, report: TallyReport): Set<string> {
  const given = new Set((report.events ?? []).map((e) => e.table));
  const ids = new Set<string>();
  for (const figure of figuresOf(framework)) {
    const t = figure.template;
    if (((t.kind === 'event_count' || t.kind === 'event_cases') && !given.has(t.events)) || figure.parts.some((p) => ids.has(p))) ids.add(figure.id);
  }
  return ids;
}

/** The names a workbook will have once some defineName operations are applied. */
function namesAfter(names: NamedRange[], operations: WorkbookOperation[]): NamedRange[] {
  const after = new Map(names.map((n) => [n.name, n]));
  for (const op of operations) if (op.op === 'defineName') after.set(op.name, { name: op.name, sheet: op.sheet, range: op.range });
  return [...after.values()];
}

/** A note on each figure the report calls blanked (asked of the service) because the export lacks a column it reads. */
function blankFigureNoteOperations(framework: Framework, report: TallyReport, placeOf: (id: string) => { sheet: string; cell: string } | undefined): WorkbookOperation[] {
  return Object.entries(report.blanked).flatMap(([id, keys]) => {
    const place = placeOf(id);
    if (!place) return [];
    const reason = blankColumnsReason(framework, keys, Object.fromEntries((report.events ?? []).map((t) => [t.table, t.source])));
    return [{ op: 'note', sheet: place.sheet, cell: place.cell, text: `${reason}, so this figure is left blank rather than 0. Type it if you know it, or add the column to the export and fill again.` }];
  });
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
