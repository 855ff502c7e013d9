import type { RawTable } from '../engine/cases/rawTable';
import { InputError } from '../errors';
import type { WorkbookPort } from '../workbook/port';
import { CASE_DATA_SHEET } from './returnLayout';

/** The cases a provider pasted into the return's case-data sheet, as a table to import. */
export async function readCaseData(port: WorkbookPort, source: string): Promise<RawTable> {
  if (!(await port.sheetNames()).includes(CASE_DATA_SHEET))
    throw new InputError(`${source} has no "${CASE_DATA_SHEET}" sheet: paste the case export into that sheet of the template, or give the cases as a file.`);
  const rows = await port.readUsed(CASE_DATA_SHEET);
  if (rows.length < 2) throw new InputError(`The "${CASE_DATA_SHEET}" sheet of ${source} has no cases: paste the export, with its header row, into it.`);
  return { source: `${source}, sheet "${CASE_DATA_SHEET}"`, rows };
}
