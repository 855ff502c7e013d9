import { builtInFramework } from '../../src/frameworks/load';
import { figuresOf } from '../../src/frameworks/expand';
import type { RawCell } from '../../src/engine/cases/rawTable';
import { importCases } from '../../src/engine/cases/importCases';
import { runChecks } from '../../src/engine/checks/runChecks';
import { periodFromIso } from '../../src/engine/tally/period';
import { tallyCases } from '../../src/engine/tally/tally';
import { tableOf } from '../support/tables';
import { returnSheets } from '../../src/commands/returnLayout';
import { readReturn } from '../../src/commands/readReturn';
import { PERIOD_FROM, PERIOD_TO } from '../../src/engine/formulas/names';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';

const framework = builtInFramework('west-midlands');
const quarter = periodFromIso('2015-04-01', '2015-06-30');

/** The seed's report for April, May and June 2015 (Victim Support, Q1 2015-16), month by month. */
const SEED = {
  sources: {
    adt_local: [4014, 3384, 2811], btp: [0, 0, 34], other_force: [158, 214, 196], action_fraud: [136, 130, 122], indirect_local: [17, 15, 14],
    self: [73, 65, 53], self_website: [5, 14, 8], supportline: [7, 7, 2], other_vs: [5, 1, 3], witness_service: [12, 25, 1], other_agency: [10, 32, 73],
  },
  onwardWithin: [368, 271, 359], onwardWithinPct: [31, 46, 51],
  onwardExternal: [36, 23, 18], onwardExternalPct: [3, 4, 3],
  onwardReferrals: [252, 99, 65], onwardReferralsPct: [21, 17, 9],
  declined: [468, 394, 178],
  nonConversions: [236, 147, 148], noSafeNumber: [2, 1, 3], insufficientDetails: [18, 18, 15],
  within24h: [121, 53, 94], within24hPct: [8, 4, 7], phoneUnsuccessful: [511, 568, 477], phoneUnsuccessfulPct: [35, 40, 36],
  volunteer: [308, 280, 338], specialist: [168, 168, 168], commissionedOnly: [26, 11, 10],
};
/** Bases the seed does not state, chosen inside the ranges its percentages imply (2b and 4b imply different ones). */
const ASSESSED = [1187, 590, 704];
const CASES = [1460, 1420, 1325];
/** Withdrawals by the month the case closed: 65 in the quarter, as the seed says. */
const WITHDREW = [20, 25, 20];

const HEADERS = ['Referral ID', 'Referral date', 'Referral source', 'Converted to case', 'Non-conversion reason', 'No contact reason', 'Contacted within 24 hours',
  'Needs assessment', 'Onward referral within Victim Support', 'Assessed for external agency support', 'Onward referrals to external agencies',
  'Declined service', 'Withdrew from service', 'Case closed date', 'Assigned a volunteer', 'Assigned a specialist worker', 'Service delivery for commissioned services only'];
const SOURCE_TEXT: Record<string, string> = {
  adt_local: 'ADT', btp: 'BTP', other_force: 'Other police force', action_fraud: 'Action Fraud', indirect_local: 'Indirect', self: 'Self referral',
  self_website: 'Website', supportline: 'Supportline', other_vs: 'Via other VS', witness_service: 'Witness Service', other_agency: 'Other agency',
};

/** One row per referral, each month's rows given the seed's counts in turn (a referral's place in its month decides what it has). */
function seedRows(): Record<string, RawCell>[] {
  const rows: Record<string, RawCell>[] = [];
  for (let m = 0; m < 3; m++) {
    const sources = Object.entries(SEED.sources).flatMap(([id, counts]) => Array.from({ length: counts[m]! }, () => SOURCE_TEXT[id]!));
    const yes = (i: number, from: number, count: number) => (i >= from && i < from + count ? 'Yes' : 'No');
    const cases = CASES[m]!;
    sources.forEach((source, i) => {
      const month = String(m + 4).padStart(2, '0');
      const row: Record<string, RawCell> = { 'Referral ID': `R${m}-${i}`, 'Referral date': `${(i % 28) + 1}/${month}/2015`, 'Referral source': source, 'Converted to case': i < cases ? 'Yes' : 'No' };
      if (i >= cases) {
        row['Non-conversion reason'] = i < cases + SEED.nonConversions[m]! ? 'No contact details' : 'Duplicate';
        rows.push(row);
        return;
      }
      const c24 = SEED.within24h[m]!;
      const phone = SEED.phoneUnsuccessful[m]!;
      row['Contacted within 24 hours'] = yes(i, 0, c24);
      row['No contact reason'] = i >= c24 && i < c24 + phone ? 'Phone contact unsuccessful' : i >= c24 + phone && i < c24 + phone + SEED.noSafeNumber[m]! ? 'No safe number'
        : i >= c24 + phone + SEED.noSafeNumber[m]! && i < c24 + phone + SEED.noSafeNumber[m]! + SEED.insufficientDetails[m]! ? 'Wrong number' : '';
      row['Needs assessment'] = yes(i, 0, ASSESSED[m]!);
      row['Onward referral within Victim Support'] = yes(i, 0, SEED.onwardWithin[m]!);
      row['Assessed for external agency support'] = yes(i, SEED.onwardWithin[m]!, SEED.onwardExternal[m]!);
      // Some cases had two onward referrals: the count is of referrals made, not of cases.
      row['Onward referrals to external agencies'] = i < SEED.onwardReferrals[m]! - 20 ? (i < 20 ? 2 : 1) : 0;
      row['Declined service'] = yes(i, cases - SEED.declined[m]!, SEED.declined[m]!);
      if (i >= ASSESSED[m]! && i < ASSESSED[m]! + WITHDREW[m]!) Object.assign(row, { 'Withdrew from service': 'Yes', 'Case closed date': `28/${month}/2015` });
      row['Assigned a volunteer'] = yes(i, 0, SEED.volunteer[m]!);
      row['Assigned a specialist worker'] = yes(i, SEED.volunteer[m]!, SEED.specialist[m]!);
      row['Service delivery for commissioned services only'] = yes(i, 0, SEED.commissionedOnly[m]!);
      rows.push(row);
    });
  }
  return rows;
}

const monthly = (id: string) => [1, 2, 3].map((k) => `${id}.m${k}`);

describe('the West Midlands grant report (west-midlands)', () => {
  const imported = importCases(tableOf(HEADERS, seedRows()), framework);
  const { figures } = tallyCases(imported.cases, framework, quarter);
  const months = (id: string) => monthly(id).map((m) => figures[m]);

  it('reads the export without problems', () => {
    expect(imported.issues).toEqual([]);
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
