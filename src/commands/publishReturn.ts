import { tableName } from '../frameworks/narrativeTables';
import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import { PRESETS, protectReturn, SUPPRESSED, type Preset, type SuppressionReason } from '../engine/disclosure/suppression';
import type { Mapping } from '../engine/mapping/mapping';
import { cellAddress, parseRange } from '../workbook/addresses';
import type { CellWrite, WorkbookOperation, WorkbookPort } from '../workbook/port';
import { FINDINGS_SHEET } from './annotateReturn';
import { mappingOperations, MAPPING_SHEET } from './mappedWorkbook';
import { prepareSubmission } from './prepareSubmission';
import { readReturn } from './readReturn';
import { listName, REPLACED_SHEET } from './returnLayout';

export const SUPPRESSION_SHEET = 'Suppression';

export interface Publication {
  suppressed: { id: string; label: string; cell: string; reason: SuppressionReason }[];
  rounded: number;
  /** Sheets left out: case data, findings (their messages quote figures), replaced values. */
  removedSheets: string[];
  /** Numbers outside the figure cells, removed because they cannot be checked for disclosure. */
  otherNumbersRemoved: number;
  /** Free text (narrative, case studies, agencies) left out: it may hold small numbers or identify someone. */
  textsRemoved: number;
}

const REASONS: Record<SuppressionReason, string> = {
  small: 'a small count',
  secondary: 'so that a small count cannot be worked out from a total',
  percentage: 'a percentage or average on a suppressed count',
};

/** The footnote beside every table holding a suppressed cell. */
export const footnote = (preset: Preset) =>
  `${SUPPRESSED} Confidential: suppressed so that no victim can be identified (${PRESETS[preset].rule}; some other cells are suppressed too, so that these cannot be worked out from the totals). See the ${SUPPRESSION_SHEET} sheet.`;

/**
 * Turns a return into the copy to publish (a board paper, a freedom-of-information answer): the submission copy
 * (no case rows, no formulas), then the figures protected by the preset (see protectReturn), each suppressed cell
 * showing `[c]` with a footnote under its table, a Suppression sheet listing what was hidden and why, and
 * nothing left that the protection does not cover: no findings, no replaced values, no free text, no number
 * outside a figure cell. Figures keep their cell names, so the published copy is still a return to read.
 */
export async function publishReturn(port: WorkbookPort, source: string, preset: Preset, options: { frameworkFor?: (id: string) => Framework; mapping?: Mapping | null } = {}): Promise<Publication> {
  if (options.mapping) {
    const { framework } = (await readReturn(port, source, options.frameworkFor, options.mapping)).data;
    await port.apply(mappingOperations(options.mapping, framework, await port.sheetNames()));
  }
  const read = await readReturn(port, source, options.frameworkFor);
  const { framework } = read.data;
  const disclosure = protectReturn(read.data, preset);
  const { removedSheets } = await prepareSubmission(port, source, options.frameworkFor);

  const operations: WorkbookOperation[] = [];
  const sheets = await port.sheetNames();
  const dropped = [FINDINGS_SHEET, REPLACED_SHEET].filter((s) => sheets.includes(s));
  const names = await port.names();
  for (const n of names.filter((n) => dropped.includes(n.sheet))) operations.push({ op: 'removeName', name: n.name });
  for (const sheet of dropped) operations.push({ op: 'removeSheet', sheet });
  const kept = sheets.filter((s) => !dropped.includes(s) && s !== MAPPING_SHEET);

  // Free text: the lists, narratives and typed-in tables, blanked where they are.
  const byName = new Map(names.map((n) => [n.name, n]));
  let textsRemoved = 0;
  const textAreas = [...framework.lists.map((l) => listName(l.id)), ...framework.narratives.map((n) => n.id), ...framework.tables.map((t) => tableName(t.id))].flatMap((name) => {
    const place = byName.get(name);
    return place && kept.includes(place.sheet) ? [{ sheet: place.sheet, ...parseRange(place.range) }] : [];
  });
  const inTextArea = (sheet: string, row: number, column: number) => textAreas.some((a) => a.sheet === sheet && row >= a.top && row <= a.bottom && column >= a.left && column <= a.right);

  const figureCells = new Set([...read.places.values()].map((p) => `${p.sheet}!${p.range}`));
  let otherNumbersRemoved = 0;
  const lastRow = new Map<string, number>();
  for (const sheet of kept)
    for (const row of await port.readUsed(sheet)) {
      lastRow.set(sheet, row.number);
      row.cells.forEach((value, i) => {
        const cell = cellAddress(row.number, i + 1);
        if (value === null || value === '' || figureCells.has(`${sheet}!${cell}`)) return;
        if (inTextArea(sheet, row.number, i + 1)) textsRemoved++;
        else if (typeof value === 'number') otherNumbersRemoved++;
        else return;
        operations.push({ op: 'write', sheet, at: cell, rows: [[null]] });
      });
    }

  const labels = new Map(figuresOf(framework).map((f) => [f.id, f.label]));
  const suppressedSheets = new Set<string>();
  for (const [id, place] of read.places) {
    if (!(id in disclosure.published)) continue;
    const value: CellWrite = disclosure.published[id]!;
    operations.push({ op: 'write', sheet: place.sheet, at: place.range, rows: [[value]] });
    if (value === SUPPRESSED) suppressedSheets.add(place.sheet);
  }
  for (const sheet of suppressedSheets) {
    const at = `A${(lastRow.get(sheet) ?? 0) + 2}`;
    operations.push({ op: 'write', sheet, at, rows: [[footnote(preset)]] }, { op: 'style', sheet, range: at, style: 'muted' });
  }

  const suppressed = disclosure.suppressed.map(({ id, reason }) => {
    const place = read.places.get(id);
    return { id, label: labels.get(id) ?? id, cell: place ? `${place.sheet}!${place.range}` : '', reason };
  });
  if (sheets.includes(SUPPRESSION_SHEET)) operations.push({ op: 'removeSheet', sheet: SUPPRESSION_SHEET });
  operations.push(
    { op: 'addSheet', sheet: SUPPRESSION_SHEET },
    {
      op: 'write',
      sheet: SUPPRESSION_SHEET,
      at: 'A1',
      rows: [
        ['What was suppressed before publishing'],
        [`Preset ${preset}: ${PRESETS[preset].rule}. ${suppressed.length} cell${suppressed.length === 1 ? '' : 's'} suppressed${PRESETS[preset].roundTo > 1 ? `, ${disclosure.rounded} rounded` : ''}.`],
        [footnote(preset)],
        [],
        ['Figure', 'Cell', 'Why suppressed', 'Figure id'],
        ...suppressed.map((s) => [s.label, s.cell, REASONS[s.reason], s.id]),
      ],
    },
    { op: 'style', sheet: SUPPRESSION_SHEET, range: 'A1', style: 'title' },
    { op: 'style', sheet: SUPPRESSION_SHEET, range: 'A5:D5', style: 'table_header' },
    { op: 'columnWidths', sheet: SUPPRESSION_SHEET, widths: [60, 18, 50, 50] },
  );
  await port.apply(operations);
  return { suppressed, rounded: disclosure.rounded, removedSheets: [...removedSheets, ...dropped], otherNumbersRemoved, textsRemoved };
}
