import { main } from '../../src/cli/main';
import { tallyReportSchema } from '../../src/engine/report/tallyReport';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { memoryIo } from '../support/memoryIo';

const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];
const CASES = [
  'Case ID,Referral date,Referral source,Crime type,Contacted,Support accepted,Support type',
  'C1,01/05/2020,Walk-in,Blackmail,Y,Y,Single',
  'C2,02/05/2020,walk in,Theft,Y,Y,Single',
  'C3,03/05/2020,Police,BLACKMAIL,Y,Y,Ongoing',
].join('\n');
const VALUES = JSON.stringify({ crime: { Blackmail: 'fraud' }, source: { 'Walk-in': 'self' } });

async function run(args: string[], files: Record<string, string | Uint8Array>) {
  const { io, stdout, stderr, written } = memoryIo(files);
  const code = await main(args, io);
  return { code, stdout: stdout(), stderr: stderr(), written };
}

describe('--values: a provider\'s own spellings of category values', () => {
  it('tally counts the spellings as the categories they mean, with no row issue', async () => {
    const { code, stdout } = await run(['tally', 'cases.csv', ...PERIOD, '--values', 'values.json', '--json'], { 'cases.csv': CASES, 'values.json': VALUES });
    expect(code).toBe(0);
    const report = tallyReportSchema.parse(JSON.parse(stdout));
    expect(report.rowIssues).toEqual([]);
    expect(report.figures).toMatchObject({ 'referrals.by_crime.fraud': 2, 'referrals.by_crime.unknown': 0, 'referrals.by_source.self': 2, 'referrals.self': 2, 'referrals.by_source.unknown': 0 });
  });

  it('without the file, the same spellings are reported and counted as unknown', async () => {
    const { stdout } = await run(['tally', 'cases.csv', ...PERIOD, '--json'], { 'cases.csv': CASES });
    const report = tallyReportSchema.parse(JSON.parse(stdout));
    expect(report.figures).toMatchObject({ 'referrals.by_crime.fraud': 0, 'referrals.by_crime.unknown': 2, 'referrals.by_source.unknown': 2 });
    expect(report.rowIssues.filter((i) => i.code === 'unrecognised_category').map((i) => i.value)).toEqual(['Walk-in', 'Blackmail', 'walk in', 'BLACKMAIL']);
  });

  it('fill writes the canonical categories into the Cases table, and check reads the case data the same way', async () => {
    const filled = await run(['fill', 'cases.csv', ...PERIOD, '--values', 'values.json', '--out', 'filled.xlsx'], { 'cases.csv': CASES, 'values.json': VALUES });
    expect(filled.code).toBe(0);
    const workbook = await XlsxWorkbook.fromBytes(filled.written['filled.xlsx']!, 'filled.xlsx');
    const cells = (await workbook.readUsed('Cases')).flatMap((r) => r.cells);
    expect(cells).toContain('Fraud and cyber crime');
    expect(cells).not.toContain('Blackmail');
    // A provider types the fraud referrals by hand: the check compares them with the case data the workbook holds.
    const fraud = (await workbook.names()).find((n) => n.name === 'referrals.by_crime.fraud')!;
    await workbook.apply([{ op: 'write', sheet: fraud.sheet, at: fraud.range, rows: [[2]] }]);
    const files = { 'filled.xlsx': await workbook.toBytes(), 'values.json': VALUES };
    const checked = JSON.parse((await run(['check', 'filled.xlsx', '--values', 'values.json', '--json'], files)).stdout);
    expect(checked.files[0].issues.filter((i: { code: string }) => i.code === 'typed_differs_from_cases')).toEqual([]);
    const unread = JSON.parse((await run(['check', 'filled.xlsx', '--json'], files)).stdout);
    expect(unread.files[0].issues.filter((i: { code: string }) => i.code === 'typed_differs_from_cases').map((i: { figures: string[] }) => i.figures)).toEqual([['referrals.by_crime.fraud']]);
  });

  it('refuses a values file that does not fit the framework, naming the place and the fix, and writes nothing', async () => {
    const { code, stderr, written } = await run(['fill', 'cases.csv', ...PERIOD, '--values', 'values.json', '--out', 'filled.xlsx'], { 'cases.csv': CASES, 'values.json': '{"crime_type": {"Blackmail": "fraud"}}' });
    expect(code).toBe(2);
    expect(stderr).toContain('The value spellings in values.json do not fit the Cambridgeshire victim services monitoring return:\n  - crime_type: "crime_type" is not a category list');
    expect(stderr).toContain('Fix: The column Crime type takes the list "crime": write "crime" instead.');
    expect(written).toEqual({});
  });
});
