import type { WorkbookPort } from '../../src/workbook/port';

/** What a workbook holds, read through the port: sheets, names, every used row. Compared instead of zip bytes, which carry timestamps. */
export async function workbookContents(port: WorkbookPort) {
  const sheets = await port.sheetNames();
  const rows = Object.fromEntries(await Promise.all(sheets.map(async (sheet) => [sheet, await port.readUsed(sheet)] as const)));
  return { sheets, names: await port.names(), rows };
}
