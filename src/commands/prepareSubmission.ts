import type { Framework } from '../frameworks/schema';
import { tableName } from '../frameworks/narrativeTables';
import { importCases } from '../engine/cases/importCases';
import type { RawCell } from '../engine/cases/rawTable';
import { InputError } from '../errors';
import { cellAddress, parseCell, parseRange } from '../workbook/addresses';
import type { WorkbookOperation, WorkbookPort } from '../workbook/port';
import { FINDINGS_SHEET } from './annotateReturn';
import { readMarks } from './cellMarks';
import { readCaseData } from './readCaseData';
import { readReturn } from './readReturn';
import { withoutCaseList } from './reconcile';
import { caseIdScrubber } from '../engine/disclosure/caseIdText';
import { CASE_DATA_SHEET, CASES_SHEET, listName, rowSheetNames } from './returnLayout';

/** The sheets that hold victims' case rows (a framework's event tables have theirs too: `rowSheetNames`). */
export const CASE_SHEETS = [CASE_DATA_SHEET, CASES_SHEET] as const;

export interface Submission {
  /** Case sheets taken out. */
  removedSheets: string[];
  /** Formula cells now holding their value. */
  valuesFixed: number;
  /** Defined names that pointed into the case sheets. */
  namesRemoved: number;
  /** Text cells from which a Case ID was taken out. */
  textsCleaned: number;
}

/**
 * Turns a filled return into the copy sent to the commissioner: the case sheets and every name pointing into
 * them removed, every formula replaced by its value (nothing left can reach a case row), Case IDs taken out of
 * the text that stays (findings, explanations, the case-study list), the findings' notes on figure cells
 * removed (they repeat the findings, which stay in the Findings sheet). Figures, narrative, explanations and findings stay,
 * each figure still in the cell named by its id, so the commissioner's `returns check` reads it as before.
 */
export async function prepareSubmission(port: WorkbookPort, source: string, frameworkFor?: (id: string) => Framework): Promise<Submission> {
  const read = await readReturn(port, source, frameworkFor);
  const { framework } = read.data;
  // An empty template sent by mistake is no return: the commissioner would check a page of blanks.
  const { values, lists, tables } = read.data;
  const filled = Object.values(values).some((v) => v !== null && v !== undefined) || Object.values(lists).some((l) => Array.isArray(l) && l.length > 0) || Object.values(tables ?? {}).some((rows) => rows.length > 0);
  if (!filled) throw new InputError(`${source} has nothing filled in: fill it from the case data or type the figures in, then prepare the copy to send.`);
  const clean = await caseIdRemover(port, source, framework);
  const typed = await typedTextPlaces(port, framework);

  const sheets = await port.sheetNames();
  const rowSheets = rowSheetNames(framework);
  const removedSheets = sheets.filter((s) => rowSheets.includes(s));
  const kept = sheets.filter((s) => !removedSheets.includes(s));
  const operations: WorkbookOperation[] = [];
  let valuesFixed = 0;
  let textsCleaned = 0;

  // Every cell of every used row, to find each formula and each text that names a case.
  const cells: { sheet: string; cell: string; value: RawCell }[] = [];
  for (const sheet of kept)
    for (const row of await port.readUsed(sheet)) row.cells.forEach((value, i) => cells.push({ sheet, cell: cellAddress(row.number, i + 1), value }));
  const formulas = await port.formulas(cells.map(({ sheet, cell }) => ({ sheet, cell })));
  const caseStudyCells = await caseStudyIdCells(port, framework);
  cells.forEach(({ sheet, cell, value }, i) => {
    const isFormula = formulas[i] !== null;
    const studyLabel = caseStudyCells.get(`${sheet}!${cell}`);
    const replacement = typeof value === 'string' ? (studyLabel ?? (typed(sheet, cell) ? clean(value) : value)) : value;
    if (replacement !== value) textsCleaned++;
    if (isFormula) valuesFixed++;
    if (isFormula || replacement !== value) operations.push({ op: 'write', sheet, at: cell, rows: [[replacement]] });
  });
  // The findings' notes go; a cell's own note (the commissioner's) comes back.
  const marks = await readMarks(port);
  const notes = marks ? marks.map((m) => ({ sheet: m.sheet, cell: m.cell, text: m.before.note ?? '' })) : [...read.places.values()].map((p) => ({ sheet: p.sheet, cell: p.range, text: '' }));
  for (const note of notes) if (kept.includes(note.sheet)) operations.push({ op: 'note', ...note });

  const doomedNames = (await port.names()).filter((n) => removedSheets.includes(n.sheet));
  for (const n of doomedNames) operations.push({ op: 'removeName', name: n.name });
  for (const sheet of removedSheets) operations.push({ op: 'removeSheet', sheet });
  await port.apply(operations);
  return { removedSheets, valuesFixed, namesRemoved: doomedNames.length, textsCleaned };
}

/** Takes the Case IDs of the workbook's own case data (and IDs shaped as they are), and a finding's list of the cases behind it, out of a text. */
export async function caseIdRemover(port: WorkbookPort, source: string, framework: Framework): Promise<(text: string) => string> {
  const scrub = caseIdScrubber(await caseIdsOf(port, source, framework));
  return (text) => scrub(withoutCaseList(text));
}

/** Every Case ID the workbook's case data holds; none when it holds no readable case data. */
async function caseIdsOf(port: WorkbookPort, source: string, framework: Framework): Promise<string[]> {
  try {
    return importCases(await readCaseData(port, source), framework).cases.map((c) => c.id);
  } catch (e) {
    if (e instanceof InputError) return [];
    throw e;
  }
}

/**
 * Where people type text that could mention a case: the Findings sheet (messages and explanations), the
 * narrative cells, the lists and the typed-in tables. The template's own labels are left as they are.
 */
async function typedTextPlaces(port: WorkbookPort, framework: Framework): Promise<(sheet: string, cell: string) => boolean> {
  const names = new Map((await port.names()).map((n) => [n.name, n]));
  const areas = [...framework.narratives.map((n) => n.id), ...framework.lists.map((l) => listName(l.id)), ...framework.tables.map((t) => tableName(t.id))].flatMap((name) => {
    const place = names.get(name);
    return place ? [{ sheet: place.sheet, ...parseRange(place.range) }] : [];
  });
  return (sheet, cell) => {
    if (sheet === FINDINGS_SHEET) return true;
    const { row, column } = parseCell(cell);
    return areas.some((a) => a.sheet === sheet && row >= a.top && row <= a.bottom && column >= a.left && column <= a.right);
  };
}

/** The Case ID cells of the case-study lists, each with the neutral label it gets in the copy sent. */
async function caseStudyIdCells(port: WorkbookPort, framework: Framework): Promise<Map<string, string>> {
  const names = new Map((await port.names()).map((n) => [n.name, n]));
  const labels = new Map<string, string>();
  for (const spec of framework.lists.filter((l) => l.kind === 'texts')) {
    const place = names.get(listName(spec.id));
    if (!place) continue;
    const { row: top, column } = parseCell(place.range.split(':')[0]!);
    const [rows] = await port.read([place]);
    let n = 0;
    rows!.forEach((row, i) => {
      if (typeof row[0] === 'string' ? row[0].trim() !== '' : row[0] !== null) labels.set(`${place.sheet}!${cellAddress(top + i, column)}`, `Case study ${++n}`);
    });
  }
  return labels;
}
