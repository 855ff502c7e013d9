import { main } from '../../src/cli/main';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { commissionerTemplates } from '../fixtures/templates';
import { memoryIo } from '../support/memoryIo';

const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];
const CASES = 'Case ID,Referral date,Referral source,Crime type,Contacted,Support accepted,Support type\nC1,01/05/2020,Police,Theft,Y,Y,Single\n';
const RJ = ['rj.proactive_referrals', 'rj.first_meeting_rate', 'rj.conference_rate', 'rj.weeks_to_conference'];

async function missingAfterFill(profile: string[]): Promise<string[]> {
  const { io, written, stdout } = memoryIo({ 'cases.csv': CASES });
  expect(await main(['fill', 'cases.csv', ...PERIOD, ...profile, '--out', 'filled.xlsx'], io)).toBe(0);
  const workbook = await XlsxWorkbook.fromBytes(written['filled.xlsx']!, 'filled.xlsx');
  const place = (await workbook.names()).find((n) => n.name === 'return.profile')!;
  expect((await workbook.read([place]))[0]![0]![0]).toBe(profile[1] ?? 'general');
  await main(['check', 'filled.xlsx', '--json'], io);
  const report = JSON.parse(stdout().slice(stdout().indexOf('{')));
  return report.files[0].issues.filter((f: { rule: string }) => f.rule === 'figures_missing').flatMap((f: { figures: string[] }) => f.figures);
}

describe('--profile: the kind of service a return is made by', () => {
  it('a general service (the default) is not asked for the hub or RJ figures', async () => {
    const missing = await missingAfterFill([]);
    expect(missing).toEqual(expect.arrayContaining(['needs.mental_health']));
    for (const id of ['support.letters_emails', 'needs.referred_commissioned', ...RJ]) expect(missing).not.toContain(id);
  });

  it('an RJ service is asked for the four RJ figures, typed in, and not for the hub figures', async () => {
    const missing = await missingAfterFill(['--profile', 'rj']);
    expect(missing).toEqual(expect.arrayContaining(RJ));
    expect(missing).not.toContain('support.letters_emails');
  });

  it('a hub is asked for letters and emails, which this export cannot give', async () => {
    const missing = await missingAfterFill(['--profile', 'victim-and-witness-hub']);
    expect(missing).toEqual(expect.arrayContaining(['support.letters_emails', 'needs.referred_commissioned']));
    for (const id of RJ) expect(missing).not.toContain(id);
  });

  it('the template keeps the profile beside the period, and a figures file carries it to the check', async () => {
    const { io, written, stdout } = memoryIo({ 'cases.csv': CASES });
    expect(await main(['template', '--framework', 'cambridgeshire', '--profile', 'rj', '--out', 'rj.xlsx'], io)).toBe(0);
    const workbook = await XlsxWorkbook.fromBytes(written['rj.xlsx']!, 'rj.xlsx');
    const rows = await workbook.readUsed('Outputs');
    expect(rows.find((r) => r.cells[0] === 'Service profile')?.cells.slice(0, 2)).toEqual(['Service profile', 'rj']);
    expect(rows.some((r) => r.cells[0] === 'Proactively generated referrals')).toBe(true);
    await main(['tally', 'cases.csv', ...PERIOD, '--profile', 'rj', '--json'], io);
    const figures = stdout().slice(stdout().lastIndexOf('{\n  "framework"'));
    expect(JSON.parse(figures).profile).toBe('rj');
    const checked = memoryIo({ 'return.json': figures });
    await main(['check', 'return.json', '--json'], checked.io);
    const missing = JSON.parse(checked.stdout()).files[0].issues.find((f: { rule: string }) => f.rule === 'figures_missing');
    expect(missing.figures).toEqual(expect.arrayContaining(RJ));
  });

  it('refuses a profile the framework does not have, naming the ones it has', async () => {
    const { io, stderr } = memoryIo({ 'cases.csv': CASES });
    expect(await main(['tally', 'cases.csv', ...PERIOD, '--profile', 'hub'], io)).toBe(2);
    expect(stderr()).toContain('--profile: "hub" is not a service profile of the Cambridgeshire victim services monitoring return. Use one of: general (General victim service), victim-and-witness-hub (Victim and Witness Hub), rj (Restorative justice service).');
  });
});

describe('--profile on a commissioner\u2019s own template (template A asks for the RJ figures, "RJ Service only")', () => {
  const missingOnCheck = async (io: ReturnType<typeof memoryIo>, args: string[]): Promise<string[]> => {
    await main(['check', ...args, '--json'], io.io);
    const report = JSON.parse(io.stdout().slice(io.stdout().lastIndexOf('{\n  "files"')));
    return report.files[0].issues.filter((f: { rule: string }) => f.rule === 'figures_missing').flatMap((f: { figures: string[] }) => f.figures);
  };

  it('a mapping file keeps the profile given to returns map, and the check reads the return under it', async () => {
    const io = memoryIo({ 'template.xlsx': await commissionerTemplates.A!.build(), 'cases.csv': CASES });
    expect(await main(['map', 'template.xlsx', '--framework', 'cambridgeshire', '--out', 'general.json'], io.io)).toBe(0);
    expect(await main(['map', 'template.xlsx', '--framework', 'cambridgeshire', '--profile', 'rj', '--out', 'rj.json'], io.io)).toBe(0);
    expect(JSON.parse(new TextDecoder().decode(io.written['rj.json']!)).profile).toBe('rj');
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'template.xlsx', '--mapping', 'rj.json', '--out', 'filled.xlsx'], io.io)).toBe(0);
    expect(await missingOnCheck(io, ['filled.xlsx', '--mapping', 'rj.json'])).toEqual(expect.arrayContaining(RJ));
    for (const id of RJ) expect(await missingOnCheck(io, ['filled.xlsx', '--mapping', 'general.json'])).not.toContain(id);
  });

  it('a mapped copy of the template records the profile a fill is given on its hidden sheet', async () => {
    const io = memoryIo({ 'template.xlsx': await commissionerTemplates.A!.build(), 'cases.csv': CASES });
    expect(await main(['map', 'template.xlsx', '--framework', 'cambridgeshire', '--out', 'mapped.xlsx'], io.io)).toBe(0);
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--profile', 'rj', '--into', 'mapped.xlsx', '--out', 'filled.xlsx'], io.io)).toBe(0);
    const filled = await XlsxWorkbook.fromBytes(io.written['filled.xlsx']!, 'filled.xlsx');
    const place = (await filled.names()).find((n) => n.name === 'return.profile')!;
    expect(place.sheet).toBe('Returns Assistant');
    expect((await filled.read([place]))[0]![0]![0]).toBe('rj');
    expect(await missingOnCheck(io, ['filled.xlsx'])).toEqual(expect.arrayContaining(RJ));
  });

  it('refuses a mapping whose profile the framework does not have', async () => {
    const io = memoryIo({ 'template.xlsx': await commissionerTemplates.A!.build(), 'cases.csv': CASES });
    expect(await main(['map', 'template.xlsx', '--framework', 'cambridgeshire', '--out', 'mapping.json'], io.io)).toBe(0);
    const mapping = JSON.parse(new TextDecoder().decode(io.written['mapping.json']!));
    io.written['bad.json'] = new TextEncoder().encode(JSON.stringify({ ...mapping, profile: 'hub' }));
    expect(await main(['fill', 'cases.csv', ...PERIOD, '--into', 'template.xlsx', '--mapping', 'mapping.json', '--out', 'filled.xlsx'], io.io)).toBe(0);
    expect(await main(['check', 'filled.xlsx', '--mapping', 'bad.json'], io.io)).toBe(2);
    expect(io.stderr()).toContain("filled.xlsx, the mapping's service profile: \"hub\" is not a service profile");
  });
});
