import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { tallyReportSchema } from '../../src/engine/report/tallyReport';
import { memoryIo } from '../support/memoryIo';

const FRAMEWORK = join(__dirname, '..', 'fixtures', 'events-framework.json');
const ARGS = ['--framework', FRAMEWORK, '--from', '2024-01-01', '--to', '2024-03-31'];
const CASES = 'Case ID,Referral date,Gender\nC1,05/01/2024,Female\nC2,10/02/2024,Male\n';
const CONTACTS = 'Case ref,Date,Channel,Service\nC1,06/01/2024,Phone,Counselling\nC1,07/01/2024,Email,Counselling\nC3,07/01/2024,Phone,Advocacy\n';

async function run(args: string[]) {
  const { io, stdout, stderr } = memoryIo({ 'cases.csv': CASES, 'contacts.csv': CONTACTS });
  const code = await main(args, io).catch((e: Error) => e);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('returns tally --events', () => {
  it('counts the event table given beside the case data, and reports its rows of no case by file and row', async () => {
    const { code, stdout } = await run(['tally', 'cases.csv', ...ARGS, '--events', 'contacts=contacts.csv', '--json']);
    expect(code).toBe(0);
    const report = tallyReportSchema.parse(JSON.parse(stdout));
    expect(report.figures['contacts.total']).toBe(2);
    expect(report.figures['victims.by_service.counselling']).toBe(1);
    expect(report.rowIssues.filter((i) => i.code === 'unknown_case').map((i) => [i.source, i.row, i.caseId])).toEqual([['contacts.csv', 4, 'C3']]);
  });

  it('fills with the event table, counting its row issues with the case data\'s and saying where they are listed', async () => {
    const { code, stdout } = await run(['fill', 'cases.csv', ...ARGS, '--events', 'contacts=contacts.csv', '--out', 'filled.xlsx']);
    expect(code).toBe(0);
    expect(stdout).toContain('The case data and its event tables have 1 row issue (1 error): see returns tally with the same --events for the list.');
  });

  it('prints an event table\'s row issue with its file before the row and column', async () => {
    const { code, stdout } = await run(['tally', 'cases.csv', ...ARGS, '--events', 'contacts=contacts.csv']);
    expect(code).toBe(0);
    expect(stdout).toContain('    contacts.csv row 4, Case ref: Case ref "C3" is not a case in the case data');
  });

  it('writes the fix list with the file of each row, telling the event table\'s rows from the case data\'s', async () => {
    const { io, written } = memoryIo({ 'cases.csv': `${CASES}C4,31/06/2024,Female\n`, 'contacts.csv': CONTACTS });
    expect(await main(['tally', 'cases.csv', ...ARGS, '--events', 'contacts=contacts.csv', '--issues', 'fixes.csv'], io)).toBe(0);
    const lines = new TextDecoder().decode(written['fixes.csv']).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('File,Row,Case ID,Column,Value,Problem,What to do');
    expect(lines.slice(1, -1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['cases.csv,4,C4,Referral date', 'contacts.csv,4,C3,Case ref']);
  });

  it('refuses a table the framework does not have, naming the ones it has', async () => {
    const { code, stderr } = await run(['tally', 'cases.csv', ...ARGS, '--events', 'calls=contacts.csv']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--events calls=contacts\.csv: .* has the event tables contacts, not "calls"\. Write e\.g\. --events contacts=FILE\./);
  });

  it('refuses a flag that is not TABLE=FILE', async () => {
    const { code, stderr } = await run(['tally', 'cases.csv', ...ARGS, '--events', 'contacts.csv']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--events takes TABLE=FILE, e\.g\. --events contacts=contacts\.csv/);
  });
});
