import { figuresOf } from '../frameworks/expand';
import { builtInFramework } from '../frameworks/load';
import { checkedProfileId, figuresOutsideProfile } from '../frameworks/profiles';
import type { Framework } from '../frameworks/schema';
import { dayFromJsDate, displayDay, readDate } from '../engine/cases/dates';
import type { RawCell } from '../engine/cases/rawTable';
import type { FigureCell, ReturnData } from '../engine/checks/returnData';
import { typedInput } from '../engine/checks/typedInputs';
import { PERIOD_FROM, PERIOD_TO } from '../engine/formulas/names';
import { InputError } from '../errors';
import { cellAddress, parseCell, parseSheetCell, sheetCell } from '../workbook/addresses';
import { tableName } from '../frameworks/narrativeTables';
import { tableRows, type TableRow } from '../engine/checks/narrativeTableRows';
import type { Mapping } from '../engine/mapping/mapping';
import type { Period } from '../engine/tally/period';
import { isMapped } from './mappedWorkbook';
import { refuseUnfitMapping } from './mapTemplate';
import type { NamedRange, WorkbookPort } from '../workbook/port';
import { listName, RETURN_NAMES } from './returnLayout';

export interface ReadReturn {
  data: ReturnData;
  /** The template version the workbook was made from. */
  version: string | null;
  /** Figure cells holding a formula, by figure id. */
  formulas: Map<string, string>;
  /** Where each figure was found. */
  places: Map<string, NamedRange>;
  /** Figures of a return made from our template whose cell names were deleted and whose labels were not found either. */
  lost: string[];
}

/**
 * Reads a received return: the framework, version and period from their named cells, and every figure from
 * the cell named by its id, or, where a provider's edits lost the name, from beside its label.
 */
export async function readReturn(port: WorkbookPort, source: string, frameworkFor: (id: string) => Framework = builtInFramework, mapping: Mapping | null = null): Promise<ReadReturn> {
  const names = new Map((mapping ? [] : await port.names()).map((n) => [n.name, n]));
  const single = async (place: { sheet: string; range: string } | undefined): Promise<RawCell> =>
    place ? ((await port.read([{ sheet: place.sheet, range: place.range.split(':')[0]! }]))[0]![0]![0] ?? null) : null;
  const id = mapping ? mapping.framework : await single(names.get(RETURN_NAMES.framework));
  if (typeof id !== 'string' || id.trim() === '')
    throw new InputError(
      `${source} does not say which return it is (no cell named ${RETURN_NAMES.framework}): it was not made from a Returns Assistant template or mapped. If it is the commissioner's own template, map it first (returns map ${source} --framework ID --out mapping.json) and check it with --mapping mapping.json; or check the figures as JSON.`,
    );
  let framework: Framework;
  try {
    framework = frameworkFor(id.trim());
  } catch (e) {
    throw new InputError(`${source}: ${(e as Error).message}`);
  }
  const figures = figuresOf(framework);
  const profileCell = mapping ? (mapping.profile ?? null) : await single(names.get(RETURN_NAMES.profile));
  const profileWhere = mapping ? `${source}, the mapping's service profile` : `${source}, the service profile (cell ${RETURN_NAMES.profile})`;
  const profile = typeof profileCell === 'string' && profileCell.trim() !== '' ? checkedProfileId(framework, profileCell.trim(), profileWhere) : null;
  const places = new Map<string, NamedRange>();
  let version: RawCell = null;
  let period: Period | null;
  let held: Set<string> | undefined;
  let lost: string[] = [];
  if (mapping) {
    await refuseUnfitMapping(port, mapping, framework, 'read', `${source}: the mapping does not fit this workbook`);
    for (const [figure, reference] of Object.entries(mapping.cells)) {
      const { sheet, cell } = parseSheetCell(reference);
      places.set(figure, { name: figure, sheet, range: cell.toUpperCase() });
    }
    const at = (reference: string | undefined) => (reference ? { sheet: parseSheetCell(reference).sheet, range: parseSheetCell(reference).cell } : undefined);
    period = await readPeriod(source, await single(at(mapping.period?.from)), await single(at(mapping.period?.to)));
    held = new Set(places.keys());
  } else {
    version = await single(names.get(RETURN_NAMES.version));
    period = await readPeriod(source, await single(names.get(PERIOD_FROM)), await single(names.get(PERIOD_TO)));
    for (const figure of figures) {
      const place = names.get(figure.id);
      if (place) places.set(figure.id, { ...place, range: place.range.split(':')[0]! });
    }
    // A mapped template holds the figures it was mapped to; any other has no cell there, which is no lost name.
    if (isMapped([...names.values()])) held = new Set(places.keys());
    else {
      for (const [figureId, place] of await placesByLabel(port, figures.filter((f) => !places.has(f.id)))) places.set(figureId, place);
      // Cells whose names were deleted are not blank: they cannot be found, and are not checked as if they were.
      if (places.size < figures.length) {
        held = new Set(places.keys());
        // A figure outside the service's profile is not asked of it: no cell for it is not a lost name.
        const outside = figuresOutsideProfile(framework, profile);
        lost = figures.filter((f) => !held!.has(f.id) && !outside.has(f.id)).map((f) => f.id);
      }
    }
  }

  const ids = [...places.keys()];
  const refs = ids.map((i) => places.get(i)!);
  const [values, formulaTexts] = [await port.read(refs), await port.formulas(refs.map((r) => ({ sheet: r.sheet, cell: r.range })))];
  const figureValues: Record<string, FigureCell> = {};
  const cells: Record<string, string> = {};
  const formulas = new Map<string, string>();
  ids.forEach((figureId, i) => {
    figureValues[figureId] = typedInput(framework, figureId, figureCell(values[i]![0]![0] ?? null));
    cells[figureId] = sheetCell(refs[i]!.sheet, refs[i]!.range);
    if (formulaTexts[i]) formulas.set(figureId, formulaTexts[i]!);
  });

  const lists: Record<string, unknown> = {};
  for (const spec of framework.lists) {
    const place = names.get(listName(spec.id));
    if (!place) continue;
    const rows = (await port.read([place]))[0]!.filter((r) => r.some((c) => c !== null && c !== ''));
    lists[spec.id] = rows.map((r) => (spec.kind === 'names' ? { name: String(r[0] ?? ''), count: Number(r[1] ?? 0) } : { caseId: String(r[0] ?? ''), text: String(r[1] ?? '') }));
  }
  const tables = await readNarrativeTables(port, framework, names);
  const readVersion = mapping ? framework.version : typeof version === 'string' ? version : null;
  return { data: { source, framework, period, values: figureValues, cells, lists, tables, profile, provider: await providerName(port, mapping), ...(held ? { held } : {}) }, version: readVersion, formulas, places, lost };
}

/** The rows typed into each table the workbook names (`table.<id>`), each cell with its place; a table not found is left out. */
async function readNarrativeTables(port: WorkbookPort, framework: Framework, names: Map<string, NamedRange>): Promise<Record<string, TableRow[]>> {
  const tables: Record<string, TableRow[]> = {};
  for (const spec of framework.tables) {
    const place = names.get(tableName(spec.id));
    if (!place) continue;
    const { row: top, column: left } = parseCell(place.range.split(':')[0]!);
    tables[spec.id] = tableRows(spec, (await port.read([place]))[0]!, (i, j) => sheetCell(place.sheet, cellAddress(top + i, left + j)));
  }
  return tables;
}

/** A figure cell's content for the rules: numbers stay numbers, blanks are null, anything else is text. */
function figureCell(value: RawCell): FigureCell {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return value;
  if (value instanceof Date) return displayDay(dayFromJsDate(value) ?? 0);
  const text = String(value).trim();
  return text === '' ? null : text;
}

async function readPeriod(source: string, from: RawCell, to: RawCell): Promise<Period | null> {
  const day = (cell: RawCell, name: string) => {
    const reading = readDate(cell);
    // A date that does not exist ("31st June 2015") is named, with why, rather than taken for no period.
    if (reading && !reading.ok && reading.problem === 'impossible_date')
      throw new InputError(`${source}: the period cell ${name} holds "${String(cell)}", which is not a real date (${reading.detail}). Put the period's ${name === PERIOD_FROM ? 'first' : 'last'} day in it as a date.`);
    return reading?.ok ? reading.day : null;
  };
  const start = day(from, PERIOD_FROM);
  const end = day(to, PERIOD_TO);
  if (start === null && end === null) return null;
  if (start === null || end === null || end < start)
    throw new InputError(`${source}: the period cells (${PERIOD_FROM}, ${PERIOD_TO}) do not hold a period: put the first and last day of the period in them as dates.`);
  return { from: start, to: end };
}

/** Figures whose name was lost: the cell to the right of a cell holding the figure's label, where the label is unique. */
async function placesByLabel(port: WorkbookPort, figures: { id: string; label: string }[]): Promise<Map<string, NamedRange>> {
  const found = new Map<string, NamedRange>();
  if (!figures.length) return found;
  const labels = new Map<string, { sheet: string; row: number; column: number } | null>();
  for (const sheet of await port.sheetNames())
    for (const row of await port.readUsed(sheet))
      row.cells.forEach((cell, i) => {
        if (typeof cell !== 'string') return;
        const key = cell.trim();
        labels.set(key, labels.has(key) ? null : { sheet, row: row.number, column: i + 1 });
      });
  for (const figure of figures) {
    const at = labels.get(figure.label);
    if (at) found.set(figure.id, { name: figure.id, sheet: at.sheet, range: cellAddress(at.row, at.column + 1) });
  }
  return found;
}

/** The text of the provider cell: named return.provider in the workbook, or given by the mapping in hand. */
export async function providerName(port: WorkbookPort, mapping: Mapping | null): Promise<string | null> {
  const place = mapping
    ? mapping.provider && { sheet: parseSheetCell(mapping.provider).sheet, range: parseSheetCell(mapping.provider).cell }
    : (await port.names()).find((n) => n.name === RETURN_NAMES.provider);
  if (!place) return null;
  const sheets = await port.sheetNames();
  if (!sheets.includes(place.sheet)) return null;
  const value = (await port.read([{ sheet: place.sheet, range: place.range.split(':')[0]! }]))[0]?.[0]?.[0];
  const text = value === null || value === undefined ? '' : String(value).trim();
  return text === '' ? null : text;
}
