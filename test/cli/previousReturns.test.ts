import { main } from '../../src/cli/main';
import { checkReportSchema } from '../../src/engine/checks/checkReport';
import { builtInFramework } from '../../src/frameworks/load';
import { memoryIo } from '../support/memoryIo';
import { returnWorkbook } from '../support/returnWorkbooks';

jest.setTimeout(120_000);

const SPRING_BEFORE = { from: '2019-10-01', to: '2020-03-31' };
const open = (n: number) => ({ 'caseload_start.total': n, 'caseload_start.by_crime.theft': n });
const closed = (n: number) => ({ 'caseload_end.total': n });

describe('--previous is the same provider\u2019s return of an earlier period', () => {
  it('check refuses a previous return of the same period, or of a later one, naming both periods', async () => {
    const { io, stderr } = memoryIo({ 'a.xlsx': await returnWorkbook({}, { provider: 'Provider a' }), 'later.xlsx': await returnWorkbook({}, { provider: 'Provider a', period: { from: '2020-10-01', to: '2021-03-31' } }) });
    expect(await main(['check', 'a.xlsx', '--previous', 'a.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('a.xlsx cannot be the previous return of a.xlsx: a.xlsx covers the same period as a.xlsx (1 Apr 2020 to 30 Sep 2020), so it is not a previous period.');
    expect(await main(['check', 'a.xlsx', '--previous', 'later.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('later.xlsx covers 1 Oct 2020 to 31 Mar 2021, which does not end before the period of a.xlsx (1 Apr 2020 to 30 Sep 2020) starts.');
  });

  it('check and report refuse a previous return of another framework in the same words', async () => {
    const files = { 'a.xlsx': await returnWorkbook({}), 'lancs.xlsx': await returnWorkbook({}, { framework: builtInFramework('lancashire'), period: SPRING_BEFORE }) };
    const wording = /lancs\.xlsx is a return of "[^"]+" but a\.xlsx is one of "Cambridgeshire[^"]*"\. Give earlier periods of the same return, from the same provider, with --previous\./;
    const check = memoryIo(files);
    expect(await main(['check', 'a.xlsx', '--previous', 'lancs.xlsx'], check.io)).toBe(2);
    expect(check.stderr()).toMatch(wording);
    const report = memoryIo(files);
    expect(await main(['report', 'a.xlsx', '--previous', 'lancs.xlsx', '--out', 'pack.html'], report.io)).toBe(2);
    expect(report.stderr()).toMatch(wording);
    expect(report.written).toEqual({});
  });

  it('report refuses another provider\u2019s return of the same period, saying both', async () => {
    const { io, stderr, written } = memoryIo({ 'a.xlsx': await returnWorkbook({}, { provider: 'Provider a' }), 'b.xlsx': await returnWorkbook({}, { provider: 'Provider b' }) });
    expect(await main(['report', 'a.xlsx', '--previous', 'b.xlsx', '--out', 'pack.html'], io)).toBe(2);
    expect(stderr()).toContain('b.xlsx cannot be the previous return of a.xlsx: b.xlsx is Provider b\u2019s return but a.xlsx is Provider a\u2019s: a return follows on only from the same provider\u2019s. b.xlsx covers the same period as a.xlsx');
    expect(written).toEqual({});
  });

  it('check notes a gap between the previous period and this one, and still compares', async () => {
    const { io, stdout } = memoryIo({ 'a.xlsx': await returnWorkbook(open(10), { provider: 'Provider a' }), 'old.xlsx': await returnWorkbook(closed(12), { provider: 'Provider a', period: { from: '2019-04-01', to: '2019-09-30' } }) });
    await main(['check', 'a.xlsx', '--previous', 'old.xlsx', '--json'], io);
    const issues = checkReportSchema.parse(JSON.parse(stdout())).files.flatMap((f) => ('issues' in f ? f.issues : []));
    expect(issues.filter((i) => i.code === 'previous_period').map((i) => i.message)).toEqual([expect.stringMatching(/^old\.xlsx ends on 30 Sep 2019, not the day before a\.xlsx's period starts \(1 Apr 2020\)/)]);
    expect(issues.filter((i) => i.code === 'continuity')).toHaveLength(1);
  });
});

describe('check --dir --previous: each provider compared with its own previous return', () => {
  it('compares each provider only with the previous return naming it, and says who was not compared', async () => {
    const files = {
      'now/a.xlsx': await returnWorkbook(open(10), { provider: 'Provider a' }),
      'now/b.xlsx': await returnWorkbook(open(30), { provider: 'Provider b' }),
      'now/c.xlsx': await returnWorkbook(open(5), { provider: 'Provider c' }),
      'prev/a.xlsx': await returnWorkbook(closed(12), { provider: 'Provider a', period: SPRING_BEFORE }),
      'prev/b.xlsx': await returnWorkbook(closed(30), { provider: 'Provider b', period: SPRING_BEFORE }),
      'prev/d.xlsx': await returnWorkbook(closed(3), { provider: 'Provider d', period: SPRING_BEFORE }),
    };
    const { io, stdout } = memoryIo(files);
    await main(['check', '--dir', 'now', '--previous', 'prev/a.xlsx', '--previous', 'prev/b.xlsx', '--previous', 'prev/d.xlsx', '--json'], io);
    const checked = checkReportSchema.parse(JSON.parse(stdout())).files;
    const of = (file: string, code: string) => checked.flatMap((f) => (f.file === file && 'issues' in f ? f.issues : [])).filter((i) => i.code === code).map((i) => i.message);
    expect(of('now/a.xlsx', 'continuity')).toEqual([expect.stringContaining('but the previous return (prev/a.xlsx) closed with Caseload open at the end of the period of 12 (2 fewer)')]);
    expect(of('now/b.xlsx', 'continuity')).toEqual([]);
    expect(of('now/c.xlsx', 'continuity')).toEqual([]);
    expect(of('now/c.xlsx', 'not_compared')).toEqual(['No previous return of Provider c was given (prev/a.xlsx, prev/b.xlsx, prev/d.xlsx are another provider\u2019s), so the rules comparing with last period were not run for now/c.xlsx.']);
    expect(of('now/a.xlsx', 'not_compared')).toEqual([]);
    const text = memoryIo(files);
    await main(['check', '--dir', 'now', '--previous', 'prev/a.xlsx', '--previous', 'prev/d.xlsx'], text.io);
    expect(text.stderr()).toContain('prev/d.xlsx is Provider d\u2019s previous return, and no return checked is Provider d\u2019s: it was not used.');
  });

  it('refuses, checking several returns, a previous return that names no provider', async () => {
    const { io, stderr } = memoryIo({ 'now/a.xlsx': await returnWorkbook({}, { provider: 'Provider a' }), 'now/b.xlsx': await returnWorkbook({}, { provider: 'Provider b' }), 'prev.xlsx': await returnWorkbook({}, { period: SPRING_BEFORE }) });
    expect(await main(['check', '--dir', 'now', '--previous', 'prev.xlsx'], io)).toBe(2);
    expect(stderr()).toContain('prev.xlsx does not name a provider, so it is not known whose previous return it is');
  });
});
