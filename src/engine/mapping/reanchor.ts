import { parseCell, parseSheetCell } from '../../workbook/addresses';
import type { SheetGrid } from './grid';
import { labelKey } from './labelText';
import type { Anchor, Mapping } from './mapping';
import { TemplateSheet, type LabelRow } from './templateSheet';

/** A binding that followed its label to another cell, or could not. */
export interface Move {
  figure: string;
  from: string;
  to: string | null;
}

/**
 * Last period's mapping on this period's copy of the template: a binding whose row still says what it said
 * stays; one whose label moved (a row was inserted) follows the label, under the same heading and column
 * heading; one whose label is gone, or is now in two places, is dropped for the mapper to propose again.
 */
export function reanchorMapping(previous: Mapping, grids: SheetGrid[]): { mapping: Mapping; moves: Move[] } {
  const sheets = new Map(grids.map((g) => [g.sheet, new TemplateSheet(g)]));
  const cells: Record<string, string> = {};
  const anchors: Record<string, Anchor> = {};
  const moves: Move[] = [];
  for (const [figure, reference] of Object.entries(previous.cells)) {
    const anchor = previous.anchors?.[figure];
    const { sheet: sheetName, cell } = parseSheetCell(reference);
    const sheet = sheets.get(sheetName);
    if (!anchor || !sheet) {
      if (sheet) cells[figure] = reference;
      else moves.push({ figure, from: reference, to: null });
      continue;
    }
    const to = follow(sheet, anchor, cell);
    if (to !== reference) moves.push({ figure, from: reference, to });
    if (to) {
      cells[figure] = to;
      anchors[figure] = anchor;
    }
  }
  return { mapping: { ...previous, cells, anchors }, moves };
}

/** Where an anchor's label now is: the same cell if its row still says it, else the one row that does. */
function follow(sheet: TemplateSheet, anchor: Anchor, cell: string): string | null {
  const { row, column } = parseCell(cell);
  const says = (label: LabelRow) => labelKey(label.label) === labelKey(anchor.label);
  const labels = (r: number) => sheet.labelsOf(r);
  if (labels(row).some(says) && headingAbove(sheet, row) === (anchor.heading ?? headingAbove(sheet, row))) return sheet.reference(row, column);
  const found = sheet.rows.filter((r) => labels(r).some(says) && (anchor.heading === undefined || headingAbove(sheet, r) === anchor.heading));
  if (found.length !== 1) return null;
  // In a table, the column under the same heading; elsewhere the same column.
  const labelEnd = sheet.labelsOf(found[0]!).find(says)!.lastColumn;
  const target = anchor.column === undefined ? column : (headedColumn(sheet, found[0]!, anchor.column, labelEnd) ?? column);
  return sheet.reference(found[0]!, target);
}

function headingAbove(sheet: TemplateSheet, row: number): string | undefined {
  for (const r of sheet.rows.filter((n) => n < row).reverse()) {
    const heading = sheet.labelsOf(r).find((l) => l.heading);
    if (heading) return heading.label;
  }
  return undefined;
}

/** The column right of the row's label whose heading, in the nearest row above holding it, says the anchor's column heading. */
function headedColumn(sheet: TemplateSheet, row: number, heading: string, labelEnd: number): number | null {
  for (const r of sheet.rows.filter((n) => n < row).reverse())
    for (let column = labelEnd + 1; column <= sheet.lastColumn; column++) if (sheet.text(r, column) !== '' && labelKey(sheet.text(r, column)) === labelKey(heading)) return column;
  return null;
}
