/** A1 addresses: column letters, cells and ranges, 1-based rows and columns. */
import { columnLetters } from '../engine/cases/rawTable';

export { columnLetters };

export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export function parseCell(address: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`"${address}" is not a cell address`);
  return { row: Number(m[2]), column: columnNumber(m[1]!) };
}

/** "B2:D9" (or one cell "B2") into its corners. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = range.split(':') as [string, string?];
  const start = parseCell(a);
  const end = parseCell(b!);
  return { top: Math.min(start.row, end.row), left: Math.min(start.column, end.column), bottom: Math.max(start.row, end.row), right: Math.max(start.column, end.column) };
}

/** How a person writes a cell of a sheet: Outputs!C7, 'Pasted cases'!A1. */
export function sheetCell(sheet: string, address: string): string {
  return `${/^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

/** An absolute reference for a defined name: 'Case data'!$B$2:$B$90. */
export function absoluteRef(sheet: string, range: string): string {
  const { top, left, bottom, right } = parseRange(range);
  const corner = (r: number, c: number) => `$${columnLetters(c)}$${r}`;
  return sheetCell(sheet, top === bottom && left === right ? corner(top, left) : `${corner(top, left)}:${corner(bottom, right)}`);
}

/** "Outputs!C7" or "'Case data'!A1" back into its sheet and cell. */
export function parseSheetCell(reference: string): { sheet: string; cell: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(reference);
  if (!m) throw new Error(`"${reference}" is not a sheet and cell`);
  return { sheet: (m[1] ?? m[2]!).replace(/''/g, "'"), cell: m[3]!.replace(/\$/g, '') };
}
