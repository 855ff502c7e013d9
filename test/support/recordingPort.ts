import type { WorkbookOperation, WorkbookPort } from '../../src/workbook/port';
import { SpooledRows } from '../../src/workbook/spooledRows';

/** A new, empty workbook that only records what it is asked to write: every operation, and how many applies. */
export function recordingPort() {
  const applied: WorkbookOperation[] = [];
  let applies = 0;
  const port: WorkbookPort = {
    sheetNames: async () => [],
    names: async () => [],
    read: async () => [],
    readUsed: async () => [],
    formulas: async () => [],
    looks: async () => [],
    readGrid: async () => { throw new Error('not read by a fill'); },
    rowSpool: () => new SpooledRows(),
    apply: async (operations) => {
      applies++;
      for (const op of operations) applied.push(op);
    },
  };
  return { port, applied, applies: () => applies };
}
