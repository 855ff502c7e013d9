import { main } from '../../src/cli/main';
import { figuresOf } from '../../src/frameworks/expand';
import { checkReportSchema } from '../../src/engine/checks/checkReport';
import { cambridgeshire } from '../support/returns';
import { memoryIo } from '../support/memoryIo';
import { HEADERS } from '../fixtures/handBuiltCases';

const zeros = Object.fromEntries(figuresOf(cambridgeshire).map((f) => [f.id, 0]));
const figuresFile = (figures: Record<string, unknown>, period = { from: '2020-04-01', to: '2020-09-30' }) =>
  JSON.stringify({ framework: 'cambridgeshire', period, figures: { ...zeros, 'waiting.average_days': null, ...figures } });
const CLEAN = figuresFile({});
const BROKEN = figuresFile({ 'referrals.total': 607, 'referrals.by_source.police': 610, 'referrals.by_crime.theft': 607, 'support.total': '***' });
const QUERIED = figuresFile({ 'waiting.average_number': 2 });

async function run(args: string[], files: Record<string, string>) {
  const { io, stdout, stderr } = memoryIo(files);
  const code = await main(args, io);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('returns check', () => {
  it('exits 0 for a clean return, and says so', async () => {
    expect(await run(['check', 'clean.json'], { 'clean.json': CLEAN })).toMatchObject({ code: 0, stdout: expect.stringContaining('No problems found.') });
  });

  it('exits 0 when there are only queries', async () => {
    expect((await run(['check', 'q.json'], { 'q.json': QUERIED })).code).toBe(0);
  });

  it('exits 1 with the findings grouped by severity, each with what to do', async () => {
    const { code, stdout } = await run(['check', 'broken.json'], { 'broken.json': BROKEN });
    expect(code).toBe(1);
    expect(stdout).toContain('broken.json (cambridgeshire, 1 Apr 2020 to 30 Sep 2020)');
    expect(stdout).toContain('2 errors, 0 queries, 0 notes');
    expect(stdout).toContain('Errors: must be fixed (2)');
    expect(stdout).toContain('✗ New referrals by source add up to 610 but Total new referrals is 607 (3 more).');
    expect(stdout).toContain('✗ Victims receiving support holds "***", which is not a number');
    expect(stdout).toContain('Correct the breakdown or the total so they agree.');
  });

  it('prints the findings as JSON, per file and in total', async () => {
    const { code, stdout } = await run(['check', 'broken.json', 'q.json', '--json'], { 'broken.json': BROKEN, 'q.json': QUERIED });
    expect(code).toBe(1);
    const report = checkReportSchema.parse(JSON.parse(stdout));
    expect(report.summary).toEqual({ error: 2, query: 1, info: 0, unusable: 0 });
    const [broken, queried] = report.files;
    expect(broken).toMatchObject({ file: 'broken.json', framework: 'cambridgeshire', period: { from: '2020-04-01', to: '2020-09-30' }, summary: { error: 2, query: 0, info: 0 } });
    expect(queried).toMatchObject({ file: 'q.json', issues: [{ rule: 'waiting_lists_used', severity: 'query', figures: ['waiting.average_number'] }] });
  });

  it('still checks the other files when one is unusable, and exits 2', async () => {
    const { code, stdout, stderr } = await run(['check', 'bad.json', 'clean.json', 'nothing.json'], { 'bad.json': '{"figures": 3}', 'clean.json': CLEAN });
    expect(code).toBe(2);
    expect(stdout).toContain('bad.json: could not be checked.');
    expect(stdout).toContain('clean.json (cambridgeshire');
    expect(stdout).toContain('All 3 files: 0 errors, 0 queries, 0 notes, 2 could not be checked.');
    expect(stderr).toContain('bad.json is not a figures file as printed by returns tally --json:\n  - framework:');
    expect(stderr).toContain('Cannot read nothing.json: there is no such file.');
  });

  it('compares with the previous return', async () => {
    const previous = figuresFile({ 'caseload_end.total': 12 }, { from: '2019-10-01', to: '2020-03-31' });
    const { code, stdout } = await run(['check', 'now.json', '--previous', 'before.json'], { 'now.json': figuresFile({ 'caseload_start.total': 10, 'caseload_start.by_crime.theft': 10 }), 'before.json': previous });
    expect(code).toBe(0);
    expect(stdout).toContain('but the previous return (before.json) closed with Caseload open at the end of the period of 12 (2 fewer).');
  });

  it('applies a rules file', async () => {
    const rules = JSON.stringify({ rules: { referrals_by_source_sum: { severity: 'query' }, figures_not_numbers: { enabled: false } } });
    const { code, stdout } = await run(['check', 'broken.json', '--rules', 'q3.json', '--json'], { 'broken.json': BROKEN, 'q3.json': rules });
    expect(code).toBe(0);
    const [issue] = checkReportSchema.parse(JSON.parse(stdout)).files.flatMap((f) => ('issues' in f ? f.issues : []));
    expect([issue?.rule, issue?.severity]).toEqual(['referrals_by_source_sum', 'query']);
    // Codes and parameters, so other tools never parse the sentence.
    expect(issue).toMatchObject({ code: 'sum', ref: '1', title: 'New referrals by source add up to the total of new referrals' });
    expect(issue?.params.difference).toBe((issue?.params.actual ?? 0) - (issue?.params.expected ?? 0));
  });

  it('refuses a rules file naming an unknown rule', async () => {
    const { code, stderr } = await run(['check', 'clean.json', '--rules', 'q3.json'], { 'clean.json': CLEAN, 'q3.json': '{"rules": {"nope": {"enabled": false}}}' });
    expect(code).toBe(2);
    expect(stderr).toContain('q3.json names "nope", which is not a rule of this framework.');
  });

  it('checks what tally prints', async () => {
    const csv = `${HEADERS.join(',')}\nC1,01/05/2020,Police,Theft,Y,Y,Y,Single,,15/05/2020,N,N,N,,N,1,Better informed,,,,F,30,White,Straight,No,Cambridge,,,\n`;
    const tally = await run(['tally', 'cases.csv', '--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30', '--json'], { 'cases.csv': csv });
    const check = await run(['check', 'figures.json', '--json'], { 'figures.json': tally.stdout });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).summary.error).toBe(0);
  });

  it('needs a file to check', async () => {
    expect(await run(['check'], {})).toMatchObject({ code: 2, stderr: expect.stringContaining('Give at least one return to check') });
  });
});
