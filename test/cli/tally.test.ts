import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { figuresOf } from '../../src/frameworks/expand';
import { builtInFramework } from '../../src/frameworks/load';
import { tallyReportSchema } from '../../src/engine/report/tallyReport';
import { memoryIo } from '../support/memoryIo';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'cambridgeshire-cases.csv');
const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];
const SMALL = 'Case ID,Referral date,Referral source,Crime type,Contacted,Support accepted,Exit date,Agencies referred to\nC1,01/05/2020,Police,Theft,Y,Y,,Refuge\nC2,31/06/2020,Police,Theft,Y,Y,,\n';

async function run(args: string[], files: Record<string, string | Uint8Array> = {}) {
  const { io, stdout, stderr } = memoryIo(files);
  const code = await main(args, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('returns tally', () => {
  it('prints every figure, the row issues and the lists as JSON', async () => {
    const { code, stdout, stderr } = await run(['tally', SAMPLE, ...PERIOD, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = tallyReportSchema.parse(JSON.parse(stdout));
    expect(report.framework).toBe('cambridgeshire');
    expect(report.period).toEqual({ from: '2020-04-01', to: '2020-09-30' });
    expect(Object.keys(report.figures)).toEqual(figuresOf(builtInFramework('cambridgeshire')).map((f) => f.id));
    expect(report.rowIssues.map((i) => i.code)).toEqual(expect.arrayContaining(['impossible_date', 'duplicate_case_id', 'missing_value', 'not_whole_number']));
    expect(report.lists.agencies?.length).toBeGreaterThan(0);
    expect(report.lists.caseStudies?.length).toBeGreaterThan(0);
  });

  it('prints a readable report: sections, labels and numbers, then row issues by kind', async () => {
    const { code, stdout } = await run(['tally', 'small.csv', ...PERIOD], { 'small.csv': SMALL });
    expect(code).toBe(0);
    expect(stdout).toContain('Cambridgeshire victim services monitoring return');
    expect(stdout).toContain('Period: 1 Apr 2020 to 30 Sep 2020');
    expect(stdout).toMatch(/New referrals in the period\n {2}Total new referrals +1\n/);
    expect(stdout).toMatch(/Victims receiving support +1/);
    expect(stdout).toMatch(/Supported victims who presented with mental health needs +–/); // no such column: not known, never 0
    expect(stdout).toContain('The case data has no "Mental health needs" column: 2 figures are left blank, not 0');
    expect(stdout).toMatch(/Agencies to which victims were referred: 1\n {2}Refuge \(1\)/);
    expect(stdout).toContain('Row issues: 1 error, 0 warnings');
    expect(stdout).toContain('Not a real calendar date (error): 1 row');
    expect(stdout).toContain('row 3, Referral date: "31/06/2020" is not a real date: June 2020 has 30 days.');
    expect(stdout).not.toContain('Gender: Female, Theft');
    const all = await run(['tally', 'small.csv', ...PERIOD, '--all'], { 'small.csv': SMALL });
    expect(all.stdout).toMatch(/Gender: Not stated, Theft +1/);
  });

  it('writes every row issue as a fix list with --issues, never running a cell as a formula, and keeps an existing file unless --force', async () => {
    const cases = `${SMALL}=HYPERLINK("x"),01/05/2020,Police,Theft,N,Y,,\n`;
    const { io, written, stderr } = memoryIo({ 'cases.csv': cases });
    expect(await main(['tally', 'cases.csv', ...PERIOD, '--json', '--issues', 'fixes.csv'], io)).toBe(0);
    expect(stderr()).toBe('Wrote fixes.csv: 2 row issues to fix.');
    const lines = new TextDecoder().decode(written['fixes.csv']).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('File,Row,Case ID,Column,Value,Problem,What to do');
    expect(lines[1]).toMatch(/^cases\.csv,3,C2,Referral date,31\/06\/2020,/);
    expect(lines[2]).toMatch(/^cases\.csv,4,"'=HYPERLINK\(""x""\)",Support accepted; Contacted,Y; N,"Support accepted ""Y"", Contacted ""N"": support is recorded as accepted/);
    const again = memoryIo({ 'cases.csv': cases, 'fixes.csv': 'kept' });
    expect(await main(['tally', 'cases.csv', ...PERIOD, '--issues', 'fixes.csv'], again.io)).toBe(2);
    expect(again.stderr()).toContain('Cannot write fixes.csv: the file already exists. Name a new file, or add --force to replace it.');
    expect(again.written['fixes.csv']).toBeUndefined();
    expect(await main(['tally', 'cases.csv', ...PERIOD, '--issues', 'fixes.csv', '--force'], again.io)).toBe(0);
    expect(again.written['fixes.csv']).toBeDefined();
    expect(again.stdout()).toContain('Support accepted without contact (error): 1 row');
  });

  it('names the sheet of an .xlsx case data and event table in the fix list, where its row numbers are; a CSV by its file only', async () => {
    const workbook = async (name: string, rows: unknown[][], cover: boolean) => {
      const wb = new ExcelJS.Workbook();
      if (cover) wb.addWorksheet('Notes');
      wb.addWorksheet(name).addRows(rows);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const cases = await workbook('Cases', [
      ['Case ID', 'Date opened'],
      ['SS-1', new Date(Date.UTC(2024, 6, 1))],
      ['SS-1', new Date(Date.UTC(2024, 6, 2))],
    ], true);
    const contacts = await workbook('Contacts', [
      ['Case ID', 'Contact received', 'Channel'],
      ['SS-9', new Date(Date.UTC(2024, 6, 2, 10)), 'Email'],
    ], false);
    const args = ['--framework', 'safe-spaces', '--from', '2024-07-01', '--to', '2024-09-30', '--issues', 'fixes.csv', '--force'];
    const { io, written } = memoryIo({ 'cases.xlsx': cases, 'contacts.xlsx': contacts, 'contacts.csv': 'Case ID,Contact received,Channel\nSS-9,02/07/2024 10:00,Email\n' });
    // Each line's File and Row.
    const places = async (events: string) => {
      expect(await main(['tally', 'cases.xlsx', '--sheet', 'Cases', ...args, '--events', events], io)).toBe(0);
      const lines = new TextDecoder().decode(written['fixes.csv']).replace(/^\uFEFF/, '').split('\r\n').slice(1, -1);
      return lines.map((l) => /^("(?:[^"]|"")*"|[^,]*),(\d+),/.exec(l)!.slice(1, 3).join(' row '));
    };
    expect(await places('contacts=contacts.xlsx')).toEqual(['"cases.xlsx, sheet ""Cases""" row 3', '"contacts.xlsx, sheet ""Contacts""" row 2']);
    expect(await places('contacts=contacts.csv')).toEqual(['"cases.xlsx, sheet ""Cases""" row 3', 'contacts.csv row 2']);
  });

  it('reads a named sheet of a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes');
    const sheet = wb.addWorksheet('Cases');
    sheet.addRows([
      ['Case ref', 'Date referred', 'Source', 'Offence'],
      ['C1', new Date(Date.UTC(2020, 4, 1)), 'Self', 'Fraud'],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { code, stdout } = await run(['tally', 'cases.xlsx', ...PERIOD, '--sheet', 'Cases', '--json'], { 'cases.xlsx': bytes });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).figures['referrals.by_source.self']).toBe(1);
  });

  it('takes a framework from a .json file', async () => {
    const { code, stdout } = await run(['tally', 'small.csv', ...PERIOD, '--framework', 'mine.json', '--json'], {
      'small.csv': SMALL,
      'mine.json': JSON.stringify({ ...builtInFramework('cambridgeshire'), id: 'mine' }),
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).framework).toBe('mine');
  });

  it.each<[string, string[], Record<string, string>, RegExp]>([
    ['no --from', ['tally', 'small.csv', '--framework', 'cambridgeshire', '--to', '2020-09-30'], {}, /--from is required, e\.g\. --from 2020-04-01\.\n\nUsage: returns tally/],
    ['a bad date', ['tally', 'small.csv', ...PERIOD.slice(0, 2), '--from', '01/04/2020', '--to', '2020-09-30'], {}, /--from "01\/04\/2020" is not a date: write it as YYYY-MM-DD/],
    ['an unknown option', ['tally', 'small.csv', ...PERIOD, '--quarter', '1'], {}, /Unknown option '--quarter'/],
    ['no file', ['tally', ...PERIOD], {}, /Give exactly one case-data file/],
    ['a missing file', ['tally', 'nowhere.csv', ...PERIOD], {}, /Cannot read nowhere\.csv: there is no such file\./],
    ['an unknown framework', ['tally', 'small.csv', ...PERIOD, '--framework', 'kent'], {}, /There is no framework "kent"\. Use one of: cambridgeshire/],
    ['a broken framework file', ['tally', 'small.csv', ...PERIOD, '--framework', 'bad.json'], { 'bad.json': '{"id": 1' }, /bad\.json is not valid JSON/],
    ['a missing required column', ['tally', 'cols.csv', ...PERIOD], { 'cols.csv': 'Case ID,Crime\nC1,Theft\n' }, /cols\.csv: the header row \(row 1\) has no column for "Referral date"[\s\S]*Columns found: "Case ID", "Crime"/],
  ])('stops with exit code 2 and a clear message on %s', async (_, args, files, message) => {
    const { code, stderr, stdout } = await run(args, { 'small.csv': SMALL, ...files });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('returns', () => {
  it('prints its usage with no command, and refuses an unknown one', async () => {
    expect(await run([])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: returns tally FILE') });
    expect(await run(['fly'])).toMatchObject({ code: 2, stderr: expect.stringContaining('there is no command "fly"') });
  });
});
