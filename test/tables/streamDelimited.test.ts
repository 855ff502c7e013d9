import fc from 'fast-check';
import type { SheetRow } from '../../src/engine/cases/importCases';
import { readDelimited } from '../../src/tables/readDelimited';
import { readTable } from '../../src/tables/readTable';
import { streamDelimited } from '../../src/tables/streamDelimited';
import { streamDelimitedInThread } from '../../src/cli/streamDelimitedInThread';

/** The bytes handed over in pieces of the given sizes, as a file stream gives them. */
const inPieces = (bytes: Uint8Array, size: number) => async function* () {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
};

const utf8 = (text: string) => new TextEncoder().encode(text);

// The CLI reads a big export on a second thread: both readers give the same rows and refuse the same files.
describe.each([
  ['streamDelimited', streamDelimited, 100],
  ['streamDelimitedInThread', streamDelimitedInThread, 10],
])('%s', (_name, stream, propertyRuns) => {
  async function streamed(bytes: Uint8Array, size: number): Promise<SheetRow[]> {
    let rows: SheetRow[] = [];
    await stream(inPieces(bytes, size), 'cases.csv', () => {
      rows = [];
      // The cells and their numbers; a second thread also gives each cell's code (see codedRows.test.ts).
      return ({ number, cells }) => rows.push({ number, cells });
    });
    return rows;
  }

  const texts = [
    '\uFEFFCase ID,Notes,Crime\r\nC1,"Said ""hello"", left",Theft\r\nC2,"two\nlines",Fraud\r\n',
    'sep=;\nCase ID;Crime\nC1;Theft, from a car\n',
    '\n\nReport title\nCase ID\tCrime\tSource\nC1\tTheft\t\nC2\t\tPolice',
    'Victim Services, case report\n\nCase ID;Referral date;Crime\nE1;01/05/2020;Burglary\n',
    'Case ID|Crime\rC1|Theft\rC2|Fraud',
    'Case ID,Name\nC1,Zoë Łukasz 東京\n',
    'Case ID,Referral date\n="00123",="02/05/2020"\n',
  ];

  it.each(texts)('gives the rows readTable gives, however the bytes are split: %j', async (text) => {
    const whole = (await readTable(utf8(text), 'cases.csv')).rows;
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) expect(await streamed(utf8(text), size)).toEqual(whole);
  });

  it('reads UTF-16 and, when the bytes are not UTF-8, Windows-1252, as decodeText does', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Case ID,Crime\nC1,Théft\n').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(await streamed(utf16, 3)).toEqual((await readTable(utf16, 'cases.csv')).rows);
    const cp1252 = new Uint8Array([...utf8('Case ID,Crime\nC1,Th'), 0xe9, ...utf8('ft\n')]);
    expect((await streamed(cp1252, 4))[1]!.cells).toEqual(['C1', 'Théft']);
  });

  it('refuses a quote never closed, naming its row, as readDelimited does', async () => {
    const text = 'Case ID,Notes\nC1,fine\nC2,"never closed\nC3,more\n';
    expect(() => readDelimited(text, 'cases.csv')).toThrow('a quoted value opened in row 3 is never closed');
    await expect(streamed(utf8(text), 5)).rejects.toThrow('a quoted value opened in row 3 is never closed');
  });

  it.each([
    '<html><body><table><tr><td>Case ID</td><td>Crime</td></tr></table></body></html>',
    '\uFEFF<!DOCTYPE html>\n<html>\n<table><tr><td>Case ID</td></tr></table>',
    '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
  ])('refuses a web page or XML spreadsheet saved as an "Excel" export, as readTable does: %j', async (text) => {
    await expect(readTable(utf8(text), 'cases.xls')).rejects.toThrow('cases.xls is a web page (HTML) or XML file');
    await expect(streamed(utf8(text), 5)).rejects.toThrow('is a web page (HTML) or XML file');
  });

  it('reads a table whose values hold angle brackets', async () => {
    expect((await streamed(utf8('Case ID,Notes\nC1,<table> booked\n'), 4))[1]!.cells).toEqual(['C1', '<table> booked']);
  });

  it('refuses a file that is not text', async () => {
    await expect(streamed(new Uint8Array([0x43, 0x61, 0, 0, 0x2c, 0x0a]), 2)).rejects.toThrow('is not a CSV, TSV or .xlsx file');
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(stream(inPieces(utf8('a,b\n1,2\n'), 2), 'cases.csv', () => () => undefined, { signal: controller.signal })).rejects.toThrow('cancelled');
  });

  it('reads any comma-separated table as readDelimited does, split anywhere', async () => {
    const cell = fc.oneof(fc.constantFrom('', 'a', 'b c', 'x,y', 'say "hi"', 'two\nlines', ' '), fc.string({ maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 20 }), async (rows, size) => {
        const text = `Case ID,Crime\n${rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n')}\n`;
        expect(await streamed(utf8(text), size)).toEqual(readDelimited(text, 'cases.csv').rows);
      }),
      { numRuns: propertyRuns },
    );
  });
});
