import type { RuleCheck } from './types';

/**
 * Each row begun in a typed-in table with a column left blank (all but the optional ones) or a value of the wrong
 * kind: one finding per row, naming its cells. A table the return lacks is not judged.
 */
export const checkCompleteRows: RuleCheck<'complete_rows'> = (rule, context) => {
  const rows = context.data.tables?.[rule.table];
  const table = context.data.framework.tables.find((t) => t.id === rule.table);
  if (!rows || !table) return [];
  return rows.flatMap((row) => {
    const problems = table.columns.flatMap((column) => {
      const cell = row.cells[column.key];
      const where = cell?.at ? ` (${cell.at})` : '';
      if (!cell || cell.value === null) return column.optional ? [] : [{ text: `${column.header} is blank${where}`, at: cell?.at }];
      return cell.problem ? [{ text: `${column.header} ${cell.problem}${where}`, at: cell.at }] : [];
    });
    if (!problems.length) return [];
    return [{
      figures: [],
      cells: problems.flatMap((p) => (p.at ? [p.at] : [])),
      params: { actual: problems.length, text: `${table.label}, row ${row.row}` },
      message: `${table.label}, row ${row.row} (a ${rule.itemLabel}) is not complete: ${problems.map((p) => p.text).join('; ')}.`,
    }];
  });
};
