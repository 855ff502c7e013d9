import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { processIo } from '../../src/cli/io';
import { tallyReportSchema } from '../../src/engine/report/tallyReport';
import ExcelJS from 'exceljs';
import { memoryIo } from '../support/memoryIo';
import { READ_ON_A_THREAD_FROM_BYTES } from '../../src/cli/caseFile';
import * as inThread from '../../src/cli/streamDelimitedInThread';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'cambridgeshire-cases.csv');
const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];

/** Runs the CLI reading files from disk as the installed tool does: a CSV streamed, never read whole. */
async function fromDisk(args: string[]) {
  const { io, stdout, stderr, written } = memoryIo();
  const code = await main(args, { ...io, readFile: processIo.readFile, openFile: processIo.openFile! });
  return { code, stdout: stdout(), stderr: stderr(), written };
}

describe('returns tally on a file streamed from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-stream-'));

  it('gives the report the whole-file reading gives', async () => {
    const { io, stdout } = memoryIo({ 'cases.csv': readFileSync(SAMPLE) });
    expect(await main(['tally', 'cases.csv', ...PERIOD, '--json'], io)).toBe(0);
    const streamed = await fromDisk(['tally', SAMPLE, ...PERIOD, '--json']);
    expect(streamed.code).toBe(0);
    expect({ ...JSON.parse(streamed.stdout), source: 'cases.csv' }).toEqual(JSON.parse(stdout()));
  });

  it('reads an export of 4 MB and more on a second thread, with the report the whole-file reading gives', async () => {
    // The sample's rows again and again, each copy with Case IDs of its own, until the file passes 4 MB.
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8').split('\r\n').filter(Boolean);
    const copies = Math.ceil((4.5 * 2 ** 20) / rows.join('\r\n').length);
    const big = [header, ...Array.from({ length: copies }, (_, copy) => rows.map((r) => r.replace(/^([^,]*)/, `$1-${copy}`))).flat()].join('\r\n');
    expect(big.length).toBeGreaterThan(READ_ON_A_THREAD_FROM_BYTES);
    const file = join(dir, 'big.csv');
    writeFileSync(file, big);
    const thread = jest.spyOn(inThread, 'streamDelimitedInThread');
    const streamed = await fromDisk(['tally', file, ...PERIOD, '--json']);
    expect(thread).toHaveBeenCalledTimes(1);
    thread.mockRestore();
    const { io, stdout } = memoryIo({ 'big.csv': new TextEncoder().encode(big) });
    expect(await main(['tally', 'big.csv', ...PERIOD, '--json'], io)).toBe(0);
    expect(streamed.code).toBe(0);
    expect({ ...JSON.parse(streamed.stdout), source: 'big.csv' }).toEqual(JSON.parse(stdout()));
  });

  it('reads a wide export on the second thread with only the columns it maps coming across, and the report the whole-file reading gives', async () => {
    // Columns the return does not use, as real exports have: free text (quoted commas and quotes), a too-long note, a
    // row with only those columns filled, a row with fewer fields and one with a value beyond the last column.
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8').split('\r\n').filter(Boolean);
    const copies = Math.ceil((4.5 * 2 ** 20) / rows.join('\r\n').length);
    const note = (i: number) => (i % 5 === 0 ? '' : i % 5 === 1 ? '"Called, left ""message"""' : `Officer ${i % 7}`);
    const wide = [
      `${header},Notes,Officer`,
      ...Array.from({ length: copies }, (_, copy) => rows.map((r, i) => `${r.replace(/^([^,]*)/, `$1-${copy}`)},${note(i)},PC ${copy % 3}`)).flat(),
      `${','.repeat(header!.split(',').length - 1)},only the notes,PC 9`,
      `${rows[0]!.replace(/^([^,]*)/, '$1-long')},${'n'.repeat(40_000)},PC 1`,
      `${rows[1]!.replace(/^([^,]*)/, '$1-beyond')},note,PC 2,beyond`,
      // The officer's column lost: the notes shown in the report are the row's own.
      `${rows[2]!.replace(/^([^,]*)/, '$1-short')},a short row's note`,
    ].join('\r\n');
    const file = join(dir, 'wide.csv');
    writeFileSync(file, wide);
    const thread = jest.spyOn(inThread, 'streamDelimitedInThread');
    const streamed = await fromDisk(['tally', file, ...PERIOD, '--json']);
    // The tally told the reading thread which columns it reads: not the two added.
    const told = thread.mock.calls[0]![3]!.columnsRead!()!;
    thread.mockRestore();
    expect(told.width).toBe(header!.split(',').length + 2);
    expect(told.read).not.toContain(told.width - 1);
    expect(told.read).not.toContain(told.width - 2);
    const { io, stdout } = memoryIo({ 'wide.csv': new TextEncoder().encode(wide) });
    expect(await main(['tally', 'wide.csv', ...PERIOD, '--json'], io)).toBe(0);
    expect(streamed.code).toBe(0);
    const whole = JSON.parse(stdout());
    expect({ ...JSON.parse(streamed.stdout), source: 'wide.csv' }).toEqual(whole);
    // The rows that do not fit are reported with their texts, as read whole.
    expect(whole.rowIssues.map((i: { code: string }) => i.code)).toEqual(expect.arrayContaining(['too_long', 'ragged_row']));
  });

  it('gives the first 1,000 issues of a kind in full and the rest by row, and writes every one with --issues', async () => {
    // Every referral date blanked: one missing-value issue per row.
    const lines = readFileSync(SAMPLE, 'utf8').split('\r\n');
    const blanked = [lines[0], ...lines.slice(1).filter(Boolean).map((l) => l.replace(/^([^,]*),[^,]*,/, '$1,,'))].join('\r\n');
    const file = join(dir, 'blank-dates.csv');
    writeFileSync(file, blanked);
    const fixes = join(dir, 'fixes.csv');
    const { code, stdout, written } = await fromDisk(['tally', file, ...PERIOD, '--json', '--issues', fixes]);
    expect(code).toBe(0);
    const report = tallyReportSchema.parse(JSON.parse(stdout));
    const missing = report.rowIssues.filter((i) => i.code === 'missing_value');
    const more = report.moreRowIssues.find((m) => m.code === 'missing_value')!;
    expect(missing).toHaveLength(1000);
    expect(missing.length + more.rows.length).toBe(report.cases!.rows);
    expect(more.rows[0]).toBe(missing[999]!.row + 1);
    const fixLines = new TextDecoder().decode(written[fixes]).trim().split('\r\n').filter((l) => l.includes('is blank: this case is counted nowhere'));
    expect(fixLines).toHaveLength(report.cases!.rows);
  });

  it('counts the issues beyond those in full in the readable report', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\r\n');
    const file = join(dir, 'blank-dates-2.csv');
    writeFileSync(file, [lines[0], ...lines.slice(1).filter(Boolean).map((l) => l.replace(/^([^,]*),[^,]*,/, '$1,,'))].join('\r\n'));
    const { stdout } = await fromDisk(['tally', file, ...PERIOD]);
    expect(stdout).toMatch(/Required value is blank \(error\): 3,000 rows/);
  });
});

describe('returns tally and fill on an .xlsx export streamed from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-stream-'));
  /** The sample export as a workbook, its cases on the second sheet (as real exports put a cover sheet first). */
  async function sampleWorkbook(): Promise<{ path: string; bytes: Uint8Array }> {
    const { readDelimited } = await import('../../src/tables/readDelimited');
    const table = readDelimited(readFileSync(SAMPLE, 'utf8'), 'cases.csv');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cover').getCell('A1').value = 'Case export';
    const sheet = workbook.addWorksheet('Cases');
    for (const row of table.rows) sheet.getRow(row.number).values = row.cells;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const path = join(dir, 'cases.xlsx');
    writeFileSync(path, bytes);
    return { path, bytes };
  }

  it("names the workbook's other sheets when its first holds no case columns, read whole or streamed", async () => {
    const { path, bytes } = await sampleWorkbook();
    const { io, stderr } = memoryIo({ [path]: bytes });
    expect(await main(['tally', path, ...PERIOD, '--json'], io)).toBe(2);
    const streamed = await fromDisk(['tally', path, ...PERIOD, '--json']);
    expect(streamed.code).toBe(2);
    for (const message of [stderr(), streamed.stderr]) {
      expect(message).toContain(`${path}, sheet "Cover": the header row (row 1) has no column for`);
      expect(message).toContain('This is the workbook\'s first sheet; its other sheets are "Cases". If the cases are on one of them, name that sheet (--sheet on the command line), or move them to the first sheet.');
    }
    // Named, the sheet is read and nothing more is said of the others.
    expect((await fromDisk(['tally', path, ...PERIOD, '--sheet', 'Cover', '--json'])).stderr).not.toContain('other sheets');
  });

  it('tallies it as reading it whole does: the same figures, issues and their places', async () => {
    const { path, bytes } = await sampleWorkbook();
    const { io, stdout } = memoryIo({ [path]: bytes });
    expect(await main(['tally', path, ...PERIOD, '--sheet', 'Cases', '--json'], io)).toBe(0);
    const streamed = await fromDisk(['tally', path, ...PERIOD, '--sheet', 'Cases', '--json']);
    expect(streamed.code).toBe(0);
    const report = JSON.parse(streamed.stdout);
    expect(report).toEqual(JSON.parse(stdout()));
    expect(report.source).toBe(`${path}, sheet "Cases"`);
    expect(report.cases.rows).toBeGreaterThan(1000);
  });

  it('names the sheet in the fix list, as reading it whole does', async () => {
    const { path } = await sampleWorkbook();
    const fixes = join(dir, 'fixes.csv');
    const streamed = await fromDisk(['tally', path, ...PERIOD, '--sheet', 'Cases', '--issues', fixes]);
    expect(streamed.code).toBe(0);
    const lines = new TextDecoder().decode(streamed.written[fixes]).replace(/^\uFEFF/, '').split('\r\n').slice(1, -1);
    expect(lines.length).toBeGreaterThan(0);
    const file = `"${path}, sheet ""Cases"""`;
    expect(lines.filter((l) => !l.startsWith(`${file},`))).toEqual([]);
  });

  it('fills the return as reading it whole does', async () => {
    const { path, bytes } = await sampleWorkbook();
    const out = join(dir, 'filled.xlsx');
    const { io, written } = memoryIo({ [path]: bytes });
    expect(await main(['fill', path, ...PERIOD, '--sheet', 'Cases', '--out', out], io)).toBe(0);
    const streamed = await fromDisk(['fill', path, ...PERIOD, '--sheet', 'Cases', '--out', out]);
    expect(streamed.code).toBe(0);
    const contents = async (file: Uint8Array) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
      return workbook.worksheets.map((s) => {
        const cells: unknown[] = [s.name];
        s.eachRow((row, r) => row.eachCell((cell, c) => cells.push([r, c, cell.value])));
        return cells;
      });
    };
    expect(await contents(streamed.written[out]!)).toEqual(await contents(written[out]!));
  });
});

describe('a streamed export found past its first chunk to be in the Windows code page', () => {
  it('tells each row issue once (for the fix list), as reading the file whole does', async () => {
    const { tallyFile } = await import('../../src/cli/tallyFile');
    const { builtInFramework } = await import('../../src/frameworks/load');
    const { periodFromIso } = await import('../../src/engine/tally/period');
    const [header, ...rows] = readFileSync(SAMPLE, 'utf8').replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
    // The sample's rows past the first megabyte, each copy with Case IDs of its own; then a district written "Café" in the Windows code page.
    const copies = Math.ceil((1.5 * 2 ** 20) / rows.join('\r\n').length);
    const lines = [header!, ...Array.from({ length: copies }, (_, copy) => rows.map((r) => r.replace(/^([^,]*)/, `$1-${copy}`))).flat()];
    const text = `${lines.join('\r\n')}\r\nX-1,01/05/2020,Police,Theft,Y,Yes,Yes,Single incident,,,,,,,,,,,,,F,,,,,Caf\u00e9\r\n`;
    const file = join(mkdtempSync(join(tmpdir(), 'tally-1252-')), 'cases.csv');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const framework = builtInFramework('cambridgeshire');
    const period = periodFromIso('2020-04-01', '2020-09-30');
    const { FixList } = await import('../../src/engine/report/fixList');
    const linesOf = (fixList: InstanceType<typeof FixList>) => Buffer.concat(fixList.bytes()).toString('utf8').split('\r\n');
    const streamed = new FixList();
    const { diskPath: _none, ...oneThread } = processIo;
    await tallyFile(oneThread, file, framework, period, { fixList: streamed });
    const whole = new FixList();
    const { io } = memoryIo({ 'cases.csv': readFileSync(file) });
    await tallyFile(io, 'cases.csv', framework, period, { fixList: whole });
    expect(streamed.issues).toBeGreaterThan(100);
    expect(streamed.issues).toBe(whole.issues);
    // The same lines, each naming the file as it was given.
    expect(linesOf(streamed).map((line) => line.replace(file, 'cases.csv'))).toEqual(linesOf(whole));
  });
});
