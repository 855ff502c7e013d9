import { z } from 'zod';
import type { NarrativeTable, TableColumn } from '../../frameworks/narrativeTables';
import { displayDay, readDate } from '../cases/dates';
import { poundsOf } from './typedInputs';

/** A cell of a typed-in table as read: its value (text, a number of pounds, a date shown as "3 Jul 2024"), or the problem with it. */
export interface TableCell {
  value: string | number | null;
  /** What is wrong with a value that is not of its column's kind ("lots" for an amount of money). */
  problem: string | null;
  /** Where it is in the workbook ("Narrative!C45"), when read from one. */
  at?: string;
}

/** A row begun in a typed-in table, numbered from 1 within the table. */
export interface TableRow {
  row: number;
  cells: Record<string, TableCell>;
}

/** A cell as a workbook or a figures file gives it; anything else is not a value. */
const rawCell = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null(), z.undefined()]);

const KIND = { text: 'text', number: 'a number', date: 'a date', money: 'an amount of money' } as const;

/**
 * The rows begun in a table (any cell filled), each cell read as its column's kind. A value of the wrong kind is
 * kept as typed with the problem beside it, for the check to report; it is never dropped or read as 0.
 */
export function tableRows(table: NarrativeTable, raw: readonly (readonly unknown[])[], at?: (row: number, column: number) => string): TableRow[] {
  const rows: TableRow[] = [];
  raw.forEach((cells, i) => {
    const read = table.columns.map((column, j) => ({ ...tableCell(column, cells[j]), ...(at ? { at: at(i, j) } : {}) }));
    if (read.every((c) => c.value === null)) return;
    rows.push({ row: i + 1, cells: Object.fromEntries(table.columns.map((c, j) => [c.key, read[j]!])) });
  });
  return rows;
}

function tableCell(column: TableColumn, given: unknown): TableCell {
  const parsed = rawCell.safeParse(given);
  if (!parsed.success) return { value: String(given), problem: `holds something that is not ${KIND[column.type]}` };
  const cell = parsed.data;
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return { value: null, problem: null };
  const shown = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();
  const wrong = (detail = `which is not ${KIND[column.type]}`): TableCell => ({ value: shown, problem: `holds "${shown}", ${detail}` });
  switch (column.type) {
    case 'text':
      return { value: cell instanceof Date ? shown : String(cell).trim(), problem: null };
    case 'number': {
      const n = typeof cell === 'number' ? cell : typeof cell === 'string' && /^-?[\d,]*\.?\d+$/.test(shown) ? Number(shown.replace(/,/g, '')) : NaN;
      return Number.isFinite(n) ? { value: n, problem: null } : wrong();
    }
    case 'money': {
      const pounds = typeof cell === 'number' ? cell : typeof cell === 'string' ? poundsOf(shown) : null;
      return pounds !== null && Number.isFinite(pounds) ? { value: pounds, problem: null } : wrong();
    }
    case 'date': {
      if (typeof cell === 'boolean') return wrong();
      const reading = readDate(cell);
      if (!reading) return { value: null, problem: null };
      return reading.ok ? { value: displayDay(reading.day), problem: null } : wrong(reading.problem === 'impossible_date' ? `which is not a real date (${reading.detail})` : 'which is not a date');
    }
  }
}
