import { mkdtempSync, readFileSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { SheetRow } from '../../src/engine/cases/importCases';
import { InputError } from '../../src/errors';
import { readTable } from '../../src/tables/readTable';
import { streamWorkbookSheet } from '../../src/tables/streamWorkbookSheet';

const dir = mkdtempSync(join(tmpdir(), 'stream-sheet-'));

async function saved(workbook: ExcelJS.Workbook, name: string): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes };
}

/** The rows a stream hands on, and where it says they come from. */
async function streamed(path: string, sheet?: string) {
  const rows: SheetRow[] = [];
  const stream = await streamWorkbookSheet(path, 'cases.xlsx', sheet);
  await stream!.feed(() => (row) => rows.push(row), {});
  return { source: stream!.sheet.source, merges: stream!.sheet.merges, rows };
}

/** What reading the whole workbook gives, in the same shape. */
async function whole(bytes: Uint8Array, sheet?: string) {
  const table = await readTable(bytes, 'cases.xlsx', { sheet });
  return { source: table.source, merges: table.merges, rows: table.rows };
}

function cases(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Read me').getCell('A1').value = 'Instructions';
  const sheet = wb.addWorksheet('Cases');
  sheet.addRow(['Case ID', 'Referral date', 'Letters', 'Source', 'Contacted', 'Crime type']);
  sheet.addRow([]);
  sheet.getRow(3).values = ['C1', new Date(Date.UTC(2020, 3, 1)), { formula: '1+2', result: 3 }, { richText: [{ text: 'Self-' }, { text: 'referral' }] }, true, 'Theft & <burglary>'];
  sheet.getRow(4).values = [1234, 43922, null, { text: 'Police', hyperlink: 'https://example.invalid' }, { error: '#N/A' }, 'Fraud'];
  sheet.getRow(5).values = ['C3', new Date(Date.UTC(2020, 3, 2, 9, 30)), { formula: 'C3*0', result: 0 }, null, false, null];
  sheet.getRow(6).values = ['C4', null, null, null, null, 'Assault'];
  // One range down the crime type, one across two columns of a row.
  sheet.mergeCells('F4:F5');
  sheet.mergeCells('B6:C6');
  sheet.getCell('B6').value = 'merged across';
  return wb;
}

describe('an .xlsx sheet streamed row by row', () => {
  it('gives the rows, numbers, values, merged ranges and source a whole read gives', async () => {
    const { path, bytes } = await saved(cases(), 'cases.xlsx');
    const read = await streamed(path, 'cases');
    expect(read).toEqual(await whole(bytes, 'cases'));
    expect(read.rows.find((r) => r.number === 5)!.cells[5]).toBe('Fraud');
    expect(read.merges).toEqual([{ top: 4, left: 6, bottom: 5, right: 6 }, { top: 6, left: 2, bottom: 6, right: 3 }]);
  });

  it('reads the first sheet by default, and lists the sheets when the named one is not there', async () => {
    const { path, bytes } = await saved(cases(), 'first.xlsx');
    expect(await streamed(path)).toEqual(await whole(bytes));
    await expect(streamWorkbookSheet(path, 'cases.xlsx', 'Data')).rejects.toThrow('cases.xlsx has no sheet called "Data". Its sheets are: "Read me", "Cases".');
  });

  it('reads a sheet the workbook lists after others, however its parts are ordered', async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ['One', 'Two', 'Three']) wb.addWorksheet(name).addRows([['Case ID'], [`${name}-1`], [`${name}-2`]]);
    const { path, bytes } = await saved(wb, 'three.xlsx');
    expect(await streamed(path, 'three')).toEqual(await whole(bytes, 'three'));
  });

  it('reads a workbook with its text in the cells (no shared strings), as a streaming writer saves it', async () => {
    const path = join(dir, 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    const sheet = writer.addWorksheet('Cases');
    sheet.addRow(['Case ID', 'Referral date', 'Crime type']).commit();
    for (let i = 1; i <= 500; i++) sheet.addRow([`C${i}`, new Date(Date.UTC(2020, 3, 1 + (i % 28))), i % 2 ? 'Theft' : 'Fraud & <other>']).commit();
    sheet.commit();
    await writer.commit();
    const read = await streamed(path);
    expect(read).toEqual(await whole(new Uint8Array(readFileSync(path))));
    expect(read.rows).toHaveLength(501);
  });

  it('hands ExcelJS a stream its unzipper ends without an error', async () => {
    // Fed no end of the zip, the unzipper raised "FILE_ENDED" at every read, and now and then it reached ExcelJS
    // before the end of the stream did, failing a sound file as unreadable.
    const pullStream = jest.requireActual<{ prototype: { emit(type: string, ...args: unknown[]): boolean } }>('unzipper/lib/PullStream');
    const emit = jest.spyOn(pullStream.prototype, 'emit');
    try {
      const { path, bytes } = await saved(cases(), 'ended.xlsx');
      for (let i = 0; i < 3; i++) expect(await streamed(path, 'cases')).toEqual(await whole(bytes, 'cases'));
      expect(emit.mock.calls.filter(([type]) => type === 'error').map(([, e]) => String(e))).toEqual([]);
    } finally {
      emit.mockRestore();
    }
  });

  it('says a file saved over while it is read changed, rather than calling it damaged or waiting for ever', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Cases').addRows([['Case ID', 'Notes'], ...Array.from({ length: 5000 }, (_, i) => [`C${i}`, `note ${i * 7919}`])]);
    for (const cut of [(size: number) => Math.floor(size / 2), (size: number) => size - 10]) {
      const { path, bytes } = await saved(wb, 'saved-over.xlsx');
      const stream = await streamWorkbookSheet(path, 'cases.xlsx');
      truncateSync(path, cut(bytes.length));
      await expect(stream.feed(() => () => undefined, {})).rejects.toThrow(new InputError('cases.xlsx changed while it was being read. Wait until it is saved and closed, then try again.'));
    }
  });

  it('says a file gone from the disk could not be read from it', async () => {
    const { path } = await saved(cases(), 'gone.xlsx');
    const stream = await streamWorkbookSheet(path, 'cases.xlsx');
    unlinkSync(path);
    await expect(stream.feed(() => () => undefined, {})).rejects.toThrow(/^cases\.xlsx could not be read from the disk \(ENOENT: [^\n]+\)\. Check that it is still there and can be opened, and try again\.$/);
  });

  it('says what the reader reported of a damaged sheet, in a line', async () => {
    const { path, bytes } = await saved(cases(), 'damaged.xlsx');
    // The sheet's compressed data overwritten with bytes no deflate stream holds.
    const at = Buffer.from(bytes).indexOf('xl/worksheets/sheet2.xml') + 'xl/worksheets/sheet2.xml'.length;
    const damaged = Buffer.from(bytes);
    damaged.fill(0xff, at, at + 40);
    writeFileSync(path, damaged);
    const error = await streamWorkbookSheet(path, 'cases.xlsx', 'Cases').then((stream) => stream.feed(() => () => undefined, {})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^cases\.xlsx could not be read as an Excel workbook \(\.xlsx\) \(the reader reported: [^\n]+\)\. Open it in Excel and save it again as \.xlsx, or export the cases as CSV\.$/);
  });

  it('refuses a file that only looks like a workbook, with the message a whole read gives', async () => {
    const path = join(dir, 'broken.xlsx');
    writeFileSync(path, new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]));
    const error = await streamWorkbookSheet(path, 'broken.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/broken\.xlsx could not be read as an Excel workbook/);
  });
});
