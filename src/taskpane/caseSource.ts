import { z } from 'zod';
import { isBlankCell, type RawTable } from '../engine/cases/rawTable';
import type { EventRows } from '../engine/events/eventImport';
import { InputError } from '../errors';
import { readDelimited } from '../tables/readDelimited';
import { readTable } from '../tables/readTable';

/**
 * Case data as the person gave it, not yet parsed: a file's bytes (CSV, TSV or .xlsx) or pasted text. It is
 * parsed where the work runs (in the page's worker), so the page itself never holds the rows.
 */
export const caseSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bytes'), bytes: z.instanceof(ArrayBuffer), name: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string(), name: z.string() }),
]);
export type CaseSource = z.infer<typeof caseSourceSchema>;

/** The case rows of a source, with the header row, as the commands read them. */
export async function caseTableOf(source: CaseSource): Promise<RawTable> {
  if (source.kind === 'text') return readDelimited(source.text, source.name);
  if (source.bytes.byteLength === 0) throw new InputError(`${source.name} is empty (0 bytes): export the case data again and open the new file.`);
  return readTable(new Uint8Array(source.bytes), source.name);
}

/** How many case rows a table holds: rows after the header with anything in them (a file's last line break adds a blank one). */
export function caseRowCount(table: RawTable): number {
  return table.rows.slice(1).filter((row) => row.cells.some((cell) => !isBlankCell(cell))).length;
}

/** One event table's rows as the person gave them (contacts, service deliveries …), named by the framework's table id. */
export const eventSourceSchema = z.object({ table: z.string().regex(/^[a-z0-9_]+$/), source: caseSourceSchema });
export type EventSource = z.infer<typeof eventSourceSchema>;

/** The rows a fill is given: the case data (null: the workbook's own Case data sheet) and any event tables. */
export interface GivenRows {
  cases: CaseSource | null;
  events: readonly EventSource[];
}

/** Each event table's rows, read as the case data is, for the fill to join to the cases by Case ID. */
export async function eventRowsOf(events: readonly EventSource[]): Promise<EventRows[]> {
  return Promise.all(events.map(async ({ table, source }) => ({ table, rows: await caseTableOf(source) })));
}
