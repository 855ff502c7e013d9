import ExcelJS from 'exceljs';
import { readTable } from '../../src/tables/readTable';
import { InputError } from '../../src/errors';

const utf8 = (text: string) => new TextEncoder().encode(text);
const cells = async (bytes: Uint8Array, name = 'cases.csv', sheet?: string) =>
  (await readTable(bytes, name, { sheet })).rows.map((r) => [r.number, ...r.cells]);

describe('readTable on delimited text', () => {
  it('reads comma-separated values with a byte-order mark, quotes and line breaks inside quotes', async () => {
    const text = '\uFEFFCase ID,Notes,Crime\r\nC1,"Said ""hello"", left",Theft\r\nC2,"two\nlines",Fraud\r\n';
    expect(await cells(utf8(text))).toEqual([
      [1, 'Case ID', 'Notes', 'Crime'],
      [2, 'C1', 'Said "hello", left', 'Theft'],
      [3, 'C2', 'two\nlines', 'Fraud'],
      [4, null],
    ]);
  });

  it('reads an Excel text formula as its text, as Excel shows it: ="00123" keeps its zeros', async () => {
    const note = '"=""Said """"hi"""""""';
    expect(await cells(utf8(`Case ID,Referral date,Note\n="00123",="02/05/2020",${note}\n=1+2,="",=A1\n`))).toEqual([
      [1, 'Case ID', 'Referral date', 'Note'],
      [2, '00123', '02/05/2020', 'Said "hi"'],
      [3, '=1+2', null, '=A1'],
      [4, null],
    ]);
  });

  it('reads semicolon-separated values', async () => {
    expect(await cells(utf8('Case ID;Crime\nC1;Theft, from a car\n'))).toEqual([
      [1, 'Case ID', 'Crime'],
      [2, 'C1', 'Theft, from a car'],
      [3, null],
    ]);
  });

  it('reads tab-separated text as Excel puts it on the clipboard', async () => {
    expect((await cells(utf8('Case ID\tCrime\tSource\nC1\tTheft\t\n'))).slice(0, 2)).toEqual([
      [1, 'Case ID', 'Crime', 'Source'],
      [2, 'C1', 'Theft', null],
    ]);
  });

  it('tells the separator from the header row below a title: a title with commas above semicolons, one with semicolons above commas', async () => {
    expect(await cells(utf8('Victim Services, case report\n\nCase ID;Crime\nC1;Theft\n'))).toEqual([
      [1, 'Victim Services, case report'],
      [2, null],
      [3, 'Case ID', 'Crime'],
      [4, 'C1', 'Theft'],
      [5, null],
    ]);
    expect((await cells(utf8('Report; Q1\nCase ID,Crime\nC1,Theft')))[1]).toEqual([2, 'Case ID', 'Crime']);
  });

  it('follows an Excel "sep=" line', async () => {
    expect((await cells(utf8('sep=;\nCase ID;Crime\nC1;Theft'))).slice(0, 2)).toEqual([
      [1, 'Case ID', 'Crime'],
      [2, 'C1', 'Theft'],
    ]);
  });

  it('reads UTF-16 and falls back to Windows-1252 for old exports', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'ID,Name\nC1,Zoë'].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect((await cells(utf16))[1]).toEqual([2, 'C1', 'Zoë']);
    const cp1252 = new Uint8Array([...utf8('ID,Name\nC1,Caf'), 0xe9]);
    expect((await cells(cp1252))[1]).toEqual([2, 'C1', 'Café']);
  });

  it('refuses an unclosed quote, naming the row', async () => {
    await expect(readTable(utf8('ID,Notes\nC1,ok\nC2,"never closed\nC3,x'), 'cases.csv')).rejects.toThrow(/cases\.csv: a quoted value opened in row 3 is never closed/);
  });

  it('refuses an empty file, a binary file, an old .xls and a sheet name for a text file', async () => {
    await expect(readTable(new Uint8Array(), 'empty.csv')).rejects.toThrow('empty.csv is empty');
    await expect(readTable(new Uint8Array([1, 0, 2, 0]), 'photo.jpg')).rejects.toThrow('photo.jpg is not a CSV, TSV or .xlsx file');
    await expect(readTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0]), 'old.xls')).rejects.toThrow(/old\.xls is an old-style Excel file/);
    await expect(readTable(utf8('a,b'), 'cases.csv', { sheet: 'Cases' })).rejects.toThrow(InputError);
  });
});

describe('readTable on workbooks', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Read me').getCell('A1').value = 'Instructions';
    const sheet = wb.addWorksheet('Cases');
    sheet.addRow(['Case ID', 'Referral date', 'Letters', 'Source', 'Contacted']);
    sheet.addRow([]);
    sheet.getRow(3).values = [
      'C1',
      new Date(Date.UTC(2020, 3, 1)),
      { formula: '1+2', result: 3 },
      { richText: [{ text: 'Self-' }, { text: 'referral' }] },
      true,
    ];
    sheet.getRow(4).values = [1234, 43922, null, { text: 'Police', hyperlink: 'https://example.invalid' }, { error: '#N/A' }];
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the named sheet, with sheet row numbers and plain values', async () => {
    expect(await cells(await workbook(), 'return.xlsx', 'cases')).toEqual([
      [1, 'Case ID', 'Referral date', 'Letters', 'Source', 'Contacted'],
      [3, 'C1', new Date(Date.UTC(2020, 3, 1)), 3, 'Self-referral', true],
      [4, 1234, 43922, null, 'Police', '#N/A'],
    ]);
  });

  it('reads the first sheet by default and names the source with the sheet', async () => {
    const table = await readTable(await workbook(), 'return.xlsx');
    expect(table.source).toBe('return.xlsx, sheet "Read me"');
    expect(table.rows).toEqual([{ number: 1, cells: ['Instructions'] }]);
  });

  it('lists the sheets when the named one is not there', async () => {
    await expect(readTable(await workbook(), 'return.xlsx', { sheet: 'Data' })).rejects.toThrow('return.xlsx has no sheet called "Data". Its sheets are: "Read me", "Cases".');
  });

  it('refuses a file that only looks like a workbook', async () => {
    await expect(readTable(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]), 'broken.xlsx')).rejects.toThrow(/broken\.xlsx could not be read as an Excel workbook/);
  });
});

describe('readTable: what the import needs to see', () => {
  it('gives error cells, and formulas that failed, as the error text the import reports', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cases');
    sheet.addRows([['Case ID', 'Crime type'], ['C1', { error: '#N/A' }]]);
    sheet.getCell('B3').value = { formula: 'VLOOKUP(A3,Codes!A:B,2,0)', result: { error: '#NAME?' } } as unknown as ExcelJS.CellValue;
    const table = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), 'cases.xlsx');
    expect(table.rows.map((r) => r.cells[1])).toEqual(['Crime type', '#N/A', '#NAME?']);
  });

  it('gives the merged ranges of a sheet, and marks delimited text so short rows can be told', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cases');
    sheet.addRows([['Case ID', 'Crime type'], ['C1', 'Theft'], ['C2', null], ['C3', null]]);
    sheet.mergeCells('B2:B4');
    const table = await readTable(new Uint8Array(await workbook.xlsx.writeBuffer()), 'cases.xlsx');
    expect(table.merges).toEqual([{ top: 2, left: 2, bottom: 4, right: 2 }]);
    expect(table.rows.map((r) => r.cells[1])).toEqual(['Crime type', 'Theft', 'Theft', 'Theft']);
    expect(table.delimited).toBeUndefined();
    expect((await readTable(utf8('Case ID,Crime\nC1,Theft\n'), 'cases.csv')).delimited).toBe(true);
  });
});
