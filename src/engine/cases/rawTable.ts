import { z } from 'zod';

/** One cell as a reader found it: CSV gives text; xlsx and Office.js also give numbers, booleans and dates. */
export const rawCellSchema = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null()]);
export type RawCell = z.infer<typeof rawCellSchema>;

/** A sheet of cells, each row with the number the user sees beside it. */
export const rawTableSchema = z.object({
  source: z.string(),
  rows: z.array(z.object({ number: z.number().int().positive(), cells: z.array(rawCellSchema) })),
});
export type RawTable = z.infer<typeof rawTableSchema>;

export function isBlankCell(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** A cell as text, as the user would read it in the sheet. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}
