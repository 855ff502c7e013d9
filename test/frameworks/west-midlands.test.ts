import { builtInFramework } from '../../src/frameworks/load';
import { figuresOf } from '../../src/frameworks/expand';
import { ASSESSED, CASES, SEED, WEST_MIDLANDS_HEADERS, westMidlandsSeedRows } from '../fixtures/westMidlandsSeed';
import { importCases } from '../../src/engine/cases/importCases';
import { runChecks } from '../../src/engine/checks/runChecks';
import { periodFromIso } from '../../src/engine/tally/period';
import { tallyCases } from '../../src/engine/tally/tally';
import { tableOf } from '../support/tables';
import { formatTallyReport } from '../../src/cli/formatTallyReport';
import { tallyTable } from '../../src/engine/report/tallyReport';
import { returnSheets } from '../../src/commands/returnLayout';
import { readReturn } from '../../src/commands/readReturn';
import { PERIOD_FROM, PERIOD_TO } from '../../src/engine/formulas/names';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';

const framework = builtInFramework('west-midlands');
const quarter = periodFromIso('2015-04-01', '2015-06-30');

const monthly = (id: string) => [1, 2, 3].map((k) => `${id}.m${k}`);

describe('the West Midlands grant report (west-midlands)', () => {
  const imported = importCases(tableOf(WEST_MIDLANDS_HEADERS, westMidlandsSeedRows()), framework);
  const { figures } = tallyCases(imported.cases, framework, quarter);
  const months = (id: string) => monthly(id).map((m) => figures[m]);

  it('reads the export without problems', () => {
    expect(imported.issues).toEqual([]);
  });

  it('counts 4b\'s cases contacted within 24 hours from the times: 24 hours to the minute counts, a minute more does not', () => {
    const rows: Record<string, string>[] = [
      { 'Referral ID': 'A', 'Referral date': '01/04/2015 09:00', 'Referral source': 'ADT', 'Converted to case': 'Yes', 'First contact': '02/04/2015 09:00' },
      { 'Referral ID': 'B', 'Referral date': '01/04/2015 23:30', 'Referral source': 'ADT', 'Converted to case': 'Yes', 'First contact': '02/04/2015 23:31' },
      { 'Referral ID': 'C', 'Referral date': '01/04/2015 10:00', 'Referral source': 'ADT', 'Converted to case': 'Yes', 'First contact': '01/04/2015 09:00' },
      { 'Referral ID': 'D', 'Referral date': '01/04/2015 10:00', 'Referral source': 'ADT', 'Converted to case': 'Yes' },
    ];
    const { cases } = importCases(tableOf(['Referral ID', 'Referral date', 'Referral source', 'Converted to case', 'First contact'], rows), framework);
    expect(tallyCases(cases, framework, quarter).figures['contact.within_24h.m1']).toBe(1);
  });

  it('warns of a first contact dated a day before the referral, which 4b cannot count', () => {
    const rows: Record<string, string>[] = [
      { 'Referral ID': 'A', 'Referral date': '02/04/2015 09:00', 'Referral source': 'ADT', 'Converted to case': 'Yes', 'First contact': '01/04/2015 09:00' },
      { 'Referral ID': 'B', 'Referral date': '02/04/2015 09:00', 'Referral source': 'ADT', 'Converted to case': 'Yes', 'First contact': '02/04/2015 10:00' },
    ];
    const { issues } = importCases(tableOf(['Referral ID', 'Referral date', 'Referral source', 'Converted to case', 'First contact'], rows), framework);
    expect(issues.map((i) => [i.row, i.severity, i.message])).toEqual([
      [2, 'warning', expect.stringMatching(/"01\/04\/2015 09:00": the first contact is dated before the referral arrived, so the case is not counted as contacted within 24 hours\. Correct/)],
    ]);
  });

  it('leaves 4b blank, naming the column, for an export without first contact times', () => {
    const headers = WEST_MIDLANDS_HEADERS.filter((h) => h !== 'First contact');
    const { cases, absent } = importCases(tableOf(headers, westMidlandsSeedRows()), framework);
    const { figures: without, blanked } = tallyCases(cases, framework, quarter, absent);
    expect([without['contact.within_24h'], blanked['contact.within_24h']]).toEqual([null, ['first_contact_at']]);
  });

  it('counts the seed\'s referrals by each of the eleven sources, month by month, with the quarter their sum (11,641)', () => {
    for (const [source, counts] of Object.entries(SEED.sources)) expect([source, months(`referrals.by_source.${source}`)]).toEqual([source, counts]);
    expect(months('referrals.total')).toEqual([4437, 3887, 3317]);
    expect(figures['referrals.total']).toBe(11641);
  });

  it('counts 2b with its percentages of the stated base, which round to the seed\'s', () => {
    expect(months('assessments.onward_within')).toEqual(SEED.onwardWithin);
    expect(months('assessments.onward_external')).toEqual(SEED.onwardExternal);
    expect(months('onward_referrals.total')).toEqual(SEED.onwardReferrals);
    expect(months('assessments.total')).toEqual(ASSESSED);
    expect(months('assessments.onward_within_pct').map((p) => Math.round(p!))).toEqual(SEED.onwardWithinPct);
    expect(months('assessments.onward_external_pct').map((p) => Math.round(p!))).toEqual(SEED.onwardExternalPct);
    expect(months('onward_referrals.pct').map((p) => Math.round(p!))).toEqual(SEED.onwardReferralsPct);
  });

  it('counts 2f, 2g, 4a, 4b, 4d and 4e as the seed gives them', () => {
    expect(months('declined.total')).toEqual(SEED.declined);
    expect(figures['withdrew.total']).toBe(65);
    expect(months('non_conversions.data_quality')).toEqual(SEED.nonConversions);
    expect(months('no_contact.no_safe_number')).toEqual(SEED.noSafeNumber);
    expect(months('no_contact.insufficient_details')).toEqual(SEED.insufficientDetails);
    expect(months('contact.within_24h')).toEqual(SEED.within24h);
    expect(months('contact.within_24h_pct').map((p) => Math.round(p!))).toEqual(SEED.within24hPct);
    expect(months('contact.phone_unsuccessful')).toEqual(SEED.phoneUnsuccessful);
    expect(months('contact.phone_unsuccessful_pct').map((p) => Math.round(p!))).toEqual(SEED.phoneUnsuccessfulPct);
    expect(months('allocation.volunteer')).toEqual(SEED.volunteer);
    expect(months('allocation.specialist')).toEqual(SEED.specialist);
    expect(months('delivery.commissioned_only')).toEqual(SEED.commissionedOnly);
    expect(months('delivery.onward_referrals')).toEqual(SEED.onwardReferrals);
  });

  it('shows each percentage in the tally report with its base', () => {
    const text = formatTallyReport(tallyTable(tableOf(WEST_MIDLANDS_HEADERS, westMidlandsSeedRows()), framework, quarter), framework, { all: false });
    expect(text).toMatch(/Needs assessments with onward referral within Victim Support \(%\), month 2 +45\.9%  of 590 \(assessments\.total\.m2\)/);
  });

  it('checks the counted return: only the identical specialist-worker months are queried', () => {
    const findings = runChecks({ source: 'counted', framework, period: quarter, values: figures, cells: {}, lists: {} });
    expect(findings.map((f) => [f.rule, f.severity, f.figures])).toEqual([['same_every_month', 'query', monthly('allocation.specialist')]]);
  });

  describe('the seed\'s figures typed in as it gives them', () => {
    const typed: Record<string, number | null> = {};
    const put = (id: string, values: number[]) => monthly(id).forEach((m, i) => (typed[m] = values[i]!));
    for (const [source, counts] of Object.entries(SEED.sources)) put(`referrals.by_source.${source}`, counts);
    put('referrals.total', [4437, 3887, 3317]);
    put('assessments.onward_within', SEED.onwardWithin); put('assessments.onward_within_pct', SEED.onwardWithinPct);
    put('assessments.onward_external', SEED.onwardExternal); put('assessments.onward_external_pct', SEED.onwardExternalPct);
    put('onward_referrals.total', SEED.onwardReferrals); put('onward_referrals.pct', SEED.onwardReferralsPct);
    put('declined.total', SEED.declined); put('non_conversions.data_quality', SEED.nonConversions);
    put('no_contact.no_safe_number', SEED.noSafeNumber); put('no_contact.insufficient_details', SEED.insufficientDetails);
    put('contact.within_24h', SEED.within24h); put('contact.within_24h_pct', SEED.within24hPct);
    put('contact.phone_unsuccessful', SEED.phoneUnsuccessful); put('contact.phone_unsuccessful_pct', SEED.phoneUnsuccessfulPct);
    put('allocation.volunteer', SEED.volunteer); put('allocation.specialist', SEED.specialist);
    put('delivery.commissioned_only', SEED.commissionedOnly); put('delivery.onward_referrals', SEED.onwardReferrals);
    const seedReturn = (values: Record<string, number | null>) => ({ source: 'west-midlands-q1.json', framework, period: quarter, values: { ...typed, ...values }, cells: {}, lists: {} });
    const byRule = (values: Record<string, number | null>) => {
      const found = new Map<string, string[][]>();
      for (const f of runChecks(seedReturn(values))) found.set(f.rule, [...(found.get(f.rule) ?? []), f.figures]);
      return found;
    };

    it('asks for the bases the percentages are worked out on, which the seed does not state', () => {
      const found = byRule({});
      expect(found.get('bases_missing')?.flat()).toEqual([...monthly('assessments.total'), ...monthly('cases.total')]);
    });

    it('queries the specialist workers, 168 in every month', () => {
      const finding = runChecks(seedReturn({})).find((f) => f.rule === 'same_every_month')!;
      expect(finding.figures).toEqual(monthly('allocation.specialist'));
      expect(finding.message).toContain('are all 168: the same in every month');
    });

    it('finds the 4b percentages on another base than 2b\'s: one "total cases" for both does not give them', () => {
      // The 2b percentages agree with a base of 1,190 in April; the 4b ones do not (121 ÷ 1,190 = 10.17%, stated 8%).
      const oneBase = { 'assessments.total.m1': 1190, 'assessments.total.m2': 590, 'assessments.total.m3': 704, 'cases.total.m1': 1190, 'cases.total.m2': 590, 'cases.total.m3': 704 };
      const found = byRule(oneBase);
      for (const rule of ['percentage_assessments_onward_within_pct', 'percentage_assessments_onward_external_pct', 'percentage_onward_referrals_pct']) expect([rule, found.get(rule)]).toEqual([rule, undefined]);
      expect(found.get('percentage_contact_within_24h_pct')).toContainEqual(['contact.within_24h_pct.m1', 'contact.within_24h.m1', 'cases.total.m1']);
      expect(found.get('percentage_contact_phone_unsuccessful_pct')).toHaveLength(3);
      const message = runChecks(seedReturn(oneBase)).find((f) => f.figures[0] === 'contact.within_24h_pct.m1')!.message;
      expect(message).toMatch(/is stated as 8%, but .* 121 ÷ .* 1,190 = 10\.17%\.$/);
    });

    it('finds onward referrals that differ between 2b and 4e', () => {
      expect(byRule({}).get('onward_referrals_agree')).toBeUndefined();
      expect(byRule({ 'delivery.onward_referrals.m2': 98 }).get('onward_referrals_agree')).toEqual([['delivery.onward_referrals.m2', 'onward_referrals.total.m2']]);
    });

    it('finds a quarter that is not its months added up', () => {
      expect(byRule({ 'allocation.volunteer': 900 }).get('months_add_up')).toEqual([['allocation.volunteer', ...monthly('allocation.volunteer')]]);
    });
  });

  it('names a period typed as "31st June 2015" as no real date', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.apply(returnSheets(framework, () => null).operations);
    const names = new Map((await workbook.names()).map((n) => [n.name, n]));
    const put = (name: string, text: string) => ({ op: 'write' as const, sheet: names.get(name)!.sheet, at: names.get(name)!.range, rows: [[text]] });
    await workbook.apply([put(PERIOD_FROM, '1st April 2015'), put(PERIOD_TO, '31st June 2015')]);
    await expect(readReturn(workbook, 'west-midlands-q1.xlsx')).rejects.toThrow('west-midlands-q1.xlsx: the period cell period.to holds "31st June 2015", which is not a real date (June 2015 has 30 days). Put the period\'s last day in it as a date.');
  });

  it('has a figure id for every month of every count, and the quarter', () => {
    const ids = figuresOf(framework).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['referrals.by_source.btp.m3', 'referrals.total', 'contact.within_24h_pct.m2', 'allocation.specialist.m1', 'withdrew.total']));
  });
});
