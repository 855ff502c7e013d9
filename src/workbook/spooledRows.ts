import type { CellWrite, RowSpool, WorkbookOperation } from './port';
import { cellAddress } from './addresses';

/** A spool kept in memory, as rows: what a host without a streamed file (Excel, the page) writes from. */
export class SpooledRows implements RowSpool {
  readonly rows: { number: number; cells: CellWrite[] }[] = [];

  add(row: number, cells: readonly CellWrite[]): void {
    this.rows.push({ number: row, cells: [...cells] });
  }

  /** The rows as few writes as their numbering allows: one block per run of consecutive rows. */
  writes(sheet: string): Extract<WorkbookOperation, { op: 'write' }>[] {
    const blocks: { first: number; rows: CellWrite[][] }[] = [];
    let last: { first: number; rows: CellWrite[][] } | undefined;
    for (const row of this.rows) {
      if (last && row.number === last.first + last.rows.length) last.rows.push(row.cells);
      else blocks.push((last = { first: row.number, rows: [row.cells] }));
    }
    return blocks.map((b) => ({ op: 'write', sheet, at: cellAddress(b.first, 1), rows: b.rows }));
  }
}

/** The writes of a spool that is kept in memory; a spool of another kind is not this host's. */
export function spooledWrites(sheet: string, spool: RowSpool): Extract<WorkbookOperation, { op: 'write' }>[] {
  if (!(spool instanceof SpooledRows)) throw new Error(`the rows for "${sheet}" were spooled for another workbook`);
  return spool.writes(sheet);
}
