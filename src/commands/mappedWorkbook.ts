import type { Framework } from '../frameworks/schema';
import type { Mapping } from '../engine/mapping/mapping';
import { PERIOD_FROM, PERIOD_TO } from '../engine/formulas/names';
import { parseSheetCell } from '../workbook/addresses';
import type { NamedRange, WorkbookOperation } from '../workbook/port';
import { RETURN_NAMES } from './returnLayout';

/**
 * The hidden sheet a mapped template carries: which return it is, its service profile, and the period where the
 * template has no cells for it.
 */
export const MAPPING_SHEET = 'Returns Assistant';
/** Named cells of a mapped template, besides the figures and the period. */
export const MAPPED_NAMES = { mapped: 'return.mapped', provider: RETURN_NAMES.provider } as const;

/**
 * The writes that turn a commissioner's template into a mapped return: each bound figure's cell named by its
 * figure id, and a hidden sheet recording the framework, so the mapping travels with the file and the
 * workbook then reads like one from `returns template`. The commissioner's own cells are not touched.
 */
export function mappingOperations(mapping: Mapping, framework: Framework, sheets: string[]): WorkbookOperation[] {
  const operations: WorkbookOperation[] = [];
  if (sheets.includes(MAPPING_SHEET)) operations.push({ op: 'removeSheet', sheet: MAPPING_SHEET });
  operations.push(
    { op: 'addSheet', sheet: MAPPING_SHEET, hidden: true },
    {
      op: 'write',
      sheet: MAPPING_SHEET,
      at: 'A1',
      rows: [
        ['Returns Assistant records here which return this workbook is. The figures stay where the commissioner put them.'],
        ['Framework', framework.id],
        ['Template version', framework.version],
        ['Mapped template', 'yes'],
        ['Period from', null],
        ['Period to', null],
        ['Service profile', mapping.profile ?? null],
      ],
    },
    { op: 'defineName', name: RETURN_NAMES.framework, sheet: MAPPING_SHEET, range: 'B2' },
    { op: 'defineName', name: RETURN_NAMES.version, sheet: MAPPING_SHEET, range: 'B3' },
    { op: 'defineName', name: MAPPED_NAMES.mapped, sheet: MAPPING_SHEET, range: 'B4' },
    // A commissioner's template has no cell for the kind of service: a fill with --profile records it here.
    { op: 'defineName', name: RETURN_NAMES.profile, sheet: MAPPING_SHEET, range: 'B7' },
  );
  const name = (id: string, reference: string) => {
    const { sheet, cell } = parseSheetCell(reference);
    operations.push({ op: 'defineName', name: id, sheet, range: cell.toUpperCase() });
  };
  if (mapping.period) {
    name(PERIOD_FROM, mapping.period.from);
    name(PERIOD_TO, mapping.period.to);
  } else
    operations.push({ op: 'defineName', name: PERIOD_FROM, sheet: MAPPING_SHEET, range: 'B5' }, { op: 'defineName', name: PERIOD_TO, sheet: MAPPING_SHEET, range: 'B6' }, { op: 'style', sheet: MAPPING_SHEET, range: 'B5:B6', style: 'date' });
  if (mapping.provider) name(MAPPED_NAMES.provider, mapping.provider);
  for (const [figure, reference] of Object.entries(mapping.cells)) name(figure, reference);
  return operations;
}

/** Whether a workbook is a commissioner's template mapped by this product (rather than one it wrote). */
export function isMapped(names: NamedRange[]): boolean {
  return names.some((n) => n.name === MAPPED_NAMES.mapped);
}
