import type { OfficeMockObject } from 'office-addin-mock';
import type { ExcelRun } from '../../src/workbook/officeWorkbook';

/** Runs batches against an office-addin-mock context, counting its round trips to Excel. */
export function countingRun(context: OfficeMockObject): { run: ExcelRun; syncs: () => number } {
  let syncs = 0;
  const sync = context.sync.bind(context);
  (context as unknown as { sync: () => Promise<void> }).sync = async () => {
    syncs++;
    await sync();
  };
  return { run: (batch) => batch(context as unknown as Excel.RequestContext), syncs: () => syncs };
}
