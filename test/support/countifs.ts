import type { Framework } from '../../src/frameworks/schema';
import { CaseSheetRows } from '../../src/commands/caseTable';
import { SpooledRows } from '../../src/workbook/spooledRows';
import { CASES_SHEET } from '../../src/commands/returnLayout';
import { dayFromJsDate } from '../../src/engine/cases/dates';
import type { CaseImport } from '../../src/engine/cases/importCases';
import type { RawCell, RawTable } from '../../src/engine/cases/rawTable';
import { PERIOD_FROM, PERIOD_TO } from '../../src/engine/formulas/names';
import type { Period } from '../../src/engine/tally/period';
import { parseCell } from '../../src/workbook/addresses';

/**
 * A small, independent reading of the COUNTIFS/SUMIFS formulas a return holds, over the case table a fill
 * writes: enough of the spreadsheet's criteria rules (blank, non-blank, text equal or not, compared with a
 * period bound) to test the formula generator without starting LibreOffice.
 */
export function countifsEvaluator(framework: Framework, table: RawTable, imported: CaseImport, period: Period) {
  const sheets = new CaseSheetRows(framework, new SpooledRows(), new SpooledRows());
  for (const row of table.rows) sheets.pasted(row);
  for (const record of imported.cases) sheets.case(record);
  const operations = sheets.operations();
  const spooled = operations.find((op) => op.op === 'writeSpool' && op.sheet === CASES_SHEET);
  const rows = (spooled && spooled.op === 'writeSpool' ? (spooled.spool as SpooledRows).rows.map((r) => r.cells) : []) as RawCell[][];
  const columns = new Map<string, RawCell[]>();
  for (const op of operations)
    if (op.op === 'defineName') columns.set(op.name, rows.map((r) => r[parseCell(op.range.split(':')[0]!).column - 1] ?? null));
  const bounds: Record<string, number> = { [PERIOD_FROM]: period.from, [PERIOD_TO]: period.to };

  const cellValue = (cell: RawCell): number | string | null => (cell instanceof Date ? dayFromJsDate(cell) : cell === '' ? null : (cell as number | string | null));
  const criterion = (text: string): ((cell: RawCell) => boolean) => {
    const bound = /^"(<=|>=|<|>)"&(.+)$/.exec(text);
    if (bound) {
      const limit = bounds[bound[2]!]!;
      const op = bound[1]!;
      return (cell) => {
        const v = cellValue(cell);
        return typeof v === 'number' && (op === '<' ? v < limit : op === '<=' ? v <= limit : op === '>=' ? v >= limit : v > limit);
      };
    }
    const literal = text.slice(1, -1).replace(/""/g, '"');
    const unescape = (s: string) => s.replace(/~([~*?])/g, '$1').toLowerCase();
    if (literal === '') return (cell) => cellValue(cell) === null;
    if (literal === '<>') return (cell) => cellValue(cell) !== null;
    if (literal.startsWith('<>')) return (cell) => String(cellValue(cell) ?? '').toLowerCase() !== unescape(literal.slice(2));
    const wanted = unescape(literal.replace(/^=/, ''));
    return (cell) => String(cellValue(cell) ?? '').toLowerCase() === wanted;
  };
  const args = (inside: string) => inside.match(/"(?:[^"]|"")*"(?:&[a-z.]+)?|[^,]+/g) ?? [];
  const range = (name: string) => {
    const cells = columns.get(name);
    if (!cells) throw new Error(`no case column named ${name}`);
    return cells;
  };

  /** The value of a formula made of COUNTIFS and SUMIFS terms added up. */
  return (formula: string): number => {
    if (formula === '0') return 0;
    return (formula.match(/(COUNTIFS|SUMIFS)\((?:"(?:[^"]|"")*"|[^()"])*\)/g) ?? []).reduce((total, call) => {
      const [fn, inside] = [call.slice(0, call.indexOf('(')), call.slice(call.indexOf('(') + 1, -1)];
      const list = args(inside);
      const summed = fn === 'SUMIFS' ? range(list.shift()!) : null;
      const tests: [RawCell[], (c: RawCell) => boolean][] = [];
      for (let i = 0; i < list.length; i += 2) tests.push([range(list[i]!), criterion(list[i + 1]!)]);
      let sum = 0;
      for (let row = 0; row < rows.length; row++)
        if (tests.every(([cells, test]) => test(cells[row] ?? null))) sum += summed ? (typeof summed[row] === 'number' ? (summed[row] as number) : 0) : 1;
      return total + sum;
    }, 0);
  };
}
