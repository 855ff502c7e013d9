import { parseCell, parseSheetCell, sheetCell } from '../../workbook/addresses';
import type { SheetGrid } from './grid';
import type { Mapping, MappingIssue } from './mapping';
import { TemplateSheet } from './templateSheet';

/**
 * Checks a mapping against the workbook it is for, before anything is written: every cell on a sheet that
 * exists, one figure a cell, never a merged cell's hidden part, and (for a template to fill) never a cell
 * holding a label or the commissioner's own formula, which filling would destroy.
 */
export function validateMapping(mapping: Mapping, grids: SheetGrid[], purpose: 'fill' | 'read'): MappingIssue[] {
  const sheets = new Map(grids.map((g) => [g.sheet, new TemplateSheet({ ...g, hiddenColumns: [] })]));
  const issues: MappingIssue[] = [];
  const byCell = new Map<string, string>();
  const bindings: [string, string][] = [
    ...Object.entries(mapping.cells),
    ...(mapping.period ? ([['period.from', mapping.period.from], ['period.to', mapping.period.to]] as [string, string][]) : []),
    ...(mapping.provider ? ([['provider', mapping.provider]] as [string, string][]) : []),
  ];
  for (const [what, reference] of bindings) {
    const { sheet: sheetName, cell } = parseSheetCell(reference);
    const place = sheetCell(sheetName, cell.toUpperCase());
    const sheet = sheets.get(sheetName);
    if (!sheet) {
      issues.push({ at: what, message: `${place}: the workbook has no sheet "${sheetName}" (its sheets: ${[...sheets.keys()].join(', ')})` });
      continue;
    }
    const other = byCell.get(place);
    if (other) issues.push({ at: what, message: `${place} is bound to both ${other} and ${what}: a cell holds one figure` });
    byCell.set(place, what);
    const { row, column } = parseCell(cell);
    if (sheet.isHidden(row, column)) issues.push({ at: what, message: `${place} is inside a merged cell: bind the merge's top-left cell` });
    if (purpose !== 'fill' || what === 'provider') continue;
    const held = sheet.at(row, column);
    if (held?.formula && !TemplateSheet.ownFormula(held.formula))
      issues.push({ at: what, message: `${place} holds the template's own formula (=${held.formula}): filling it would replace the commissioner's calculation` });
    else if (sheet.text(row, column) !== '' && !sheet.isInput(row, column))
      issues.push({ at: what, message: `${place} holds the label "${sheet.text(row, column)}", not a figure: bind the cell where the number goes` });
  }
  return issues;
}
