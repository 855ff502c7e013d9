import type { SheetGrid } from '../../src/engine/mapping/grid';
import type { WorkbookPort } from '../../src/workbook/port';

/** Every sheet of a workbook as the mapper reads it. */
export async function gridsOf(port: WorkbookPort): Promise<SheetGrid[]> {
  return Promise.all((await port.sheetNames()).map((sheet) => port.readGrid(sheet)));
}
