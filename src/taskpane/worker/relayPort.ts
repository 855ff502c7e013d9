import type { WorkbookOperation, WorkbookPort } from '../../workbook/port';
import { SpooledRows, spooledWrites } from '../../workbook/spooledRows';
import type { PortMethod } from './protocol';

/** The most cells one part of an `apply` carries to the page: one message the page takes in well under 50 ms. */
export const CELLS_PER_PART = 20_000;

/** Makes one workbook call on the page's workbook; `more` says further parts of the same `apply` follow. */
export type PortCall = (method: PortMethod, args: unknown[], more: boolean) => Promise<unknown>;

/**
 * A workbook the page holds (Excel's open one, which only the page can reach), used from the worker: each call
 * goes to the page. Rows are spooled here, and an `apply` goes as plain writes in parts of a bounded size.
 */
export function relayPort(call: PortCall): WorkbookPort {
  const ask = <T>(method: PortMethod, ...args: unknown[]) => call(method, args, false) as Promise<T>;
  return {
    sheetNames: () => ask('sheetNames'),
    names: () => ask('names'),
    read: (ranges) => ask('read', ranges),
    readUsed: (sheet) => ask('readUsed', sheet),
    readGrid: (sheet) => ask('readGrid', sheet),
    formulas: (cells) => ask('formulas', cells),
    looks: (cells) => ask('looks', cells),
    rowSpool: () => new SpooledRows(),
    async apply(operations) {
      const parts = partsOf(operations.flatMap((op) => (op.op === 'writeSpool' ? spooledWrites(op.sheet, op.spool) : [op])));
      parts.slice(0, -1).forEach((part) => void call('apply', [part], true));
      await call('apply', [parts.at(-1) ?? []], false);
    },
  };
}

/** Operations in parts of at most CELLS_PER_PART cells (a write of more rows is split by rows), in order. */
function partsOf(operations: Exclude<WorkbookOperation, { op: 'writeSpool' }>[]): WorkbookOperation[][] {
  const parts: WorkbookOperation[][] = [[]];
  let cells = 0;
  const add = (op: WorkbookOperation, size: number) => {
    if (cells + size > CELLS_PER_PART && parts.at(-1)!.length) (parts.push([]), (cells = 0));
    parts.at(-1)!.push(op);
    cells += size;
  };
  for (const op of operations) {
    if (op.op !== 'write') {
      add(op, 1);
      continue;
    }
    const width = Math.max(1, ...op.rows.map((r) => r.length));
    const rowsPerPart = Math.max(1, Math.floor(CELLS_PER_PART / width));
    const at = /^([A-Z]+)(\d+)$/.exec(op.at);
    // A block is split by rows: each piece starts further down the same column.
    if (!at || op.rows.length <= rowsPerPart) add(op, op.rows.length * width);
    else for (let i = 0; i < op.rows.length; i += rowsPerPart) add({ ...op, at: `${at[1]}${Number(at[2]) + i}`, rows: op.rows.slice(i, i + rowsPerPart) }, Math.min(rowsPerPart, op.rows.length - i) * width);
  }
  return parts;
}
