import { main } from '../../src/cli/main';
import { figuresOf } from '../../src/frameworks/expand';
import { builtInFramework } from '../../src/frameworks/load';
import cambridgeshire from '../../src/frameworks/data/cambridgeshire.json';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { memoryIo } from '../support/memoryIo';

type Json = Record<string, unknown> & { columns: Record<string, unknown>[]; figures: Record<string, unknown>[]; rules: Record<string, unknown>[] };
const copy = (): Json => JSON.parse(JSON.stringify(cambridgeshire));

async function run(args: string[], files: Record<string, string | Uint8Array> = {}) {
  const { io, stdout, stderr, written } = memoryIo(files);
  const code = await main(args, io);
  return { code, stdout: stdout(), stderr: stderr(), written };
}

describe('returns frameworks', () => {
  it('lists the built-in frameworks with their version and number of figures', async () => {
    const { code, stdout } = await run(['frameworks']);
    expect(code).toBe(0);
    const framework = builtInFramework('cambridgeshire');
    expect(stdout).toContain(`cambridgeshire   ${framework.title}, version ${framework.version}: ${figuresOf(framework).length} figures, ${framework.rules.length} rules`);
  });

  it('lists them as JSON for other tools', async () => {
    const { stdout } = await run(['frameworks', '--json']);
    expect(JSON.parse(stdout).frameworks).toEqual(
      ['cambridgeshire', 'lancashire', 'safe-spaces', 'staffordshire', 'west-midlands'].map((id) => ({ id, title: builtInFramework(id).title, version: builtInFramework(id).version, figures: figuresOf(builtInFramework(id)).length, rules: builtInFramework(id).rules.length })),
    );
  });
});

describe('returns frameworks validate', () => {
  it('accepts a valid framework, saying what it holds', async () => {
    const mine = { ...copy(), id: 'mine', title: 'My return' };
    const { code, stdout } = await run(['frameworks', 'validate', 'mine.json'], { 'mine.json': JSON.stringify(mine) });
    expect(code).toBe(0);
    const framework = builtInFramework('cambridgeshire');
    expect(stdout).toBe(`mine.json is a valid framework: "mine" (My return), version ${framework.version}: ${figuresOf(framework).length} figures, ${framework.rules.length} rules, ${framework.columns.length} case-data columns.`);
  });

  it('says when a file takes a built-in framework\'s id', async () => {
    const { code, stdout } = await run(['frameworks', 'validate', 'cambs.json'], { 'cambs.json': JSON.stringify(copy()) });
    expect(code).toBe(0);
    expect(stdout).toContain('Its id is the built-in framework\'s "cambridgeshire"');
  });

  it('names each problem of the shape by its JSON path, with what is wrong and what would fix it', async () => {
    const broken = copy();
    broken.id = 'My Return';
    broken.columns[2]!.type = 'categry';
    broken.columns[3]!.synonym = ['Offence'];
    delete broken.caseId;
    const { code, stdout } = await run(['frameworks', 'validate', 'broken.json'], { 'broken.json': JSON.stringify(broken) });
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'broken.json is not a valid framework: 4 problems.',
      '  - id: use lower-case letters and digits, words joined by - or _ (not "My Return")',
      '    Fix: Write it as "my_return".',
      '  - columns[2].type: "categry" is not a known type (column "source")',
      '    Fix: Did you mean "category"? Use one of the types: "text", "date", "datetime", "flag", "whole", "list", "category", "age".',
      '  - columns[3]: the key "synonym" is not known here and would be ignored (column "crime")',
      '    Fix: Remove it, or correct its spelling (keys are case-sensitive).',
      '  - caseId: "caseId" is missing',
      '    Fix: Add "caseId": text in quotes.',
      'Once these are fixed, validate again: the names each part uses (columns, populations, categories, figures in rules) are checked next.',
    ]);
  });

  it('checks what each part names: populations, categories, figures in rules, duplicate ids', async () => {
    const broken = copy();
    broken.figures[0]!.population = 'caseload_strat';
    broken.figures[8]!.where = { source: ['self', 'self_onlin'] };
    broken.figures.push({ ...broken.figures[5]! });
    broken.rules[0]!.total = 'referrals.totl';
    const { code, stdout } = await run(['frameworks', 'validate', 'broken.json'], { 'broken.json': JSON.stringify(broken) });
    expect(code).toBe(1);
    expect(stdout).toContain('  - figures[0].population: no population "caseload_strat" (figure "caseload_start.total")\n    Fix: Did you mean "caseload_start"? Use one of the populations: "referred_in_period", "caseload_start", ');
    expect(stdout).toContain('  - figures[8].where.source: "self_onlin" is not a category of "source" (figure "referrals.self")\n    Fix: Did you mean "self_online"?');
    expect(stdout).toContain(`  - figures[${broken.figures.length - 1}].id: figure "referrals.total" is defined twice (figure "referrals.total")\n    Fix: Give each figure its own id, or remove the second one.`);
    expect(stdout).toContain('  - rules[0].total: "referrals.totl" names no figure (rule "referrals_by_source_sum")\n    Fix: Did you mean "referrals.total"?');
    expect(stdout).not.toContain('Once these are fixed');
  });

  it('prints the problems as JSON for other tools', async () => {
    const broken = copy();
    broken.figures[0]!.section = 'caseloads';
    const { code, stdout } = await run(['frameworks', 'validate', 'broken.json', '--json'], { 'broken.json': JSON.stringify(broken) });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      file: 'broken.json',
      valid: false,
      issues: [{ path: 'figures[0].section', context: 'figure "caseload_start.total"', problem: 'no section "caseloads"', fix: expect.stringMatching(/^Did you mean "caseload"\?/) }],
    });
  });

  it('refuses a file that is not JSON, and a missing file, as unusable input', async () => {
    expect(await run(['frameworks', 'validate', 'bad.json'], { 'bad.json': '{"id": ' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^bad\.json is not valid JSON/) });
    expect(await run(['frameworks', 'validate'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Give "validate" and one framework file') });
  });
});

describe('--framework FILE.json', () => {
  const mine = JSON.stringify({ ...copy(), id: 'mine', title: 'My commissioner\'s return' });

  it('writes, fills and checks a return of a framework someone wrote', async () => {
    const cases = 'Case ID,Referral date,Referral source,Crime type,Contacted,Support accepted\nC1,01/05/2020,Police,Theft,Y,Y\n';
    const period = ['--from', '2020-04-01', '--to', '2020-09-30'];
    const template = await run(['template', '--framework', 'mine.json', '--out', 'template.xlsx', ...period], { 'mine.json': mine });
    expect(template.stdout).toContain('Wrote the My commissioner\'s return template');
    const filled = await run(['fill', 'cases.csv', '--framework', 'mine.json', ...period, '--out', 'filled.xlsx'], { 'mine.json': mine, 'cases.csv': cases });
    expect(filled.code).toBe(0);
    const workbook = await XlsxWorkbook.fromBytes(filled.written['filled.xlsx']!, 'filled.xlsx');
    const names = new Map((await workbook.names()).map((n) => [n.name, n]));
    const place = names.get('return.framework')!;
    expect((await workbook.read([place]))[0]![0]![0]).toBe('mine');
    const checked = await run(['check', 'filled.xlsx', '--framework', 'mine.json', '--json'], { 'mine.json': mine, 'filled.xlsx': filled.written['filled.xlsx']! });
    expect(JSON.parse(checked.stdout).files[0].framework).toBe('mine');
  });

  it('refuses an invalid framework file with the located problems', async () => {
    const broken = JSON.stringify({ ...copy(), caseDates: { referral: 'referal_date', exit: 'exit_date' } });
    const { code, stderr } = await run(['tally', 'cases.csv', '--framework', 'broken.json', '--from', '2020-04-01', '--to', '2020-09-30'], { 'broken.json': broken, 'cases.csv': 'Case ID\n1\n' });
    expect(code).toBe(2);
    expect(stderr).toContain('The framework in broken.json is not valid:\n  - caseDates.referral: no column "referal_date"\n    Fix: Did you mean "referral_date"?');
  });
});
