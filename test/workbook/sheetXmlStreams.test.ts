import { crc32 } from 'node:zlib';
import { fillReturn } from '../../src/commands/fillReturn';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { sheetXmlStreams } from '../../src/workbook/sheetXmlStreams';
import { crc32Combine } from '../../src/workbook/zipPackage';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import ExcelJS from 'exceljs';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { tableOf } from '../support/tables';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');

async function excel(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('case sheets streamed past ExcelJS into the package', () => {
  it('give the workbook a fill in memory gives: every sheet, value, style and name', async () => {
    const table = tableOf(HEADERS, ROWS);
    const inMemory = XlsxWorkbook.create();
    await fillReturn(inMemory, { framework, period, table });
    const streamed = XlsxWorkbook.create({ streams: sheetXmlStreams });
    await fillReturn(streamed, { framework, period, table });
    const [expected, actual] = [await excel(await inMemory.toBytes()), await excel(await streamed.toBytes())];
    expect(actual.worksheets.map((s) => s.name)).toEqual(expected.worksheets.map((s) => s.name));
    const cells = (workbook: ExcelJS.Workbook) =>
      workbook.worksheets.flatMap((sheet) => {
        const found: unknown[] = [sheet.name, sheet.state, (sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet ?? false];
        sheet.eachRow((row, r) => row.eachCell((cell, c) => found.push([r, c, cell.type, cell.value, cell.formula ?? null, JSON.stringify(cell.style)])));
        return found;
      });
    expect(cells(actual)).toEqual(cells(expected));
    const names = (workbook: ExcelJS.Workbook) => (workbook.definedNames.model as { name: string; ranges: string[] }[]).map((n) => `${n.name}=${n.ranges.join(',')}`).sort();
    expect(names(actual)).toEqual(names(expected));
  });

  it('writes text as it is (markup characters, edge spaces, long text), numbers, booleans, and dates shown with their time where they have one', async () => {
    const workbook = XlsxWorkbook.create({ streams: sheetXmlStreams });
    const spool = workbook.rowSpool();
    const when = new Date(Date.UTC(2020, 3, 1, 12, 30));
    const day = new Date(Date.UTC(2020, 3, 2));
    spool.add(2, ['<b> & "quotes" \'', '  padded ', 'x'.repeat(40_000), 3.25, true, when, 'bell\u0007gone', day]);
    await workbook.apply([{ op: 'addSheet', sheet: 'Rows' }, { op: 'write', sheet: 'Rows', at: 'A1', rows: [['Header']] }, { op: 'writeSpool', sheet: 'Rows', spool }, { op: 'defineName', name: 'rows.first', sheet: 'Rows', range: 'A2:A2' }]);
    const read = await XlsxWorkbook.fromBytes(await workbook.toBytes(), 'streamed.xlsx');
    expect(await read.read([{ sheet: 'Rows', range: 'A1:H2' }])).toEqual([[['Header', null, null, null, null, null, null, null], ['<b> & "quotes" \'', '  padded ', 'x'.repeat(32_767), 3.25, true, when, 'bellgone', day]]]);
    expect(await read.names()).toEqual([{ name: 'rows.first', sheet: 'Rows', range: 'A2' }]);
    const rows = (await excel(await workbook.toBytes())).getWorksheet('Rows')!;
    expect([rows.getCell('F2').numFmt, rows.getCell('H2').numFmt]).toEqual(['dd/mm/yyyy hh:mm', 'dd/mm/yyyy']);
  });

  it('keeps every row whole across the segments it is compressed in: thousands of rows, escaped markup, characters of several bytes', async () => {
    const workbook = XlsxWorkbook.create({ streams: sheetXmlStreams });
    const spool = workbook.rowSpool();
    const rowOf = (n: number) => [`${n} café & <école> ${'日本'.repeat(n % 200)}`, n * 1.5, n % 500 === 0 ? '&'.repeat(32_767) : null, { formula: `A${n}&"x"`, result: `${n}x` }];
    const numbers = Array.from({ length: 3000 }, (_, i) => i + 2);
    for (const n of numbers) spool.add(n, rowOf(n));
    await workbook.apply([{ op: 'addSheet', sheet: 'Rows' }, { op: 'writeSpool', sheet: 'Rows', spool }]);
    const rows = (await excel(await workbook.toBytes())).getWorksheet('Rows')!;
    const read = numbers.map((n) => [1, 2, 3, 4].map((c) => rows.getCell(n, c).value));
    expect(read).toEqual(numbers.map((n) => rowOf(n).map((v) => v)));
  });

  it('joins the CRC-32 of two pieces as the CRC-32 of both', () => {
    const first = Buffer.from('<row r="1">'.repeat(999));
    const second = Buffer.from('<c r="A1"><v>7</v></c>'.repeat(12_345));
    expect(crc32Combine(crc32(first), crc32(second), second.length)).toBe(crc32(Buffer.concat([first, second])));
  });
});
