import { builtInFramework } from '../../src/frameworks/load';
import { runChecks } from '../../src/engine/checks/runChecks';
import { importCases } from '../../src/engine/cases/importCases';
import type { RawCell } from '../../src/engine/cases/rawTable';
import { periodFromIso } from '../../src/engine/tally/period';
import { tallyCases } from '../../src/engine/tally/tally';
import { tableOf } from '../support/tables';

const framework = builtInFramework('staffordshire');
const period = periodFromIso('2019-04-01', '2019-06-30');
const HEADERS = ['Referral ID', 'Referral date', 'Service', 'Referral source', 'Area', 'Information and advice given', 'Accepted support and triage', 'Eligible for onward referral'];

/** The seed's quarter as referral rows: the Gateway funnel, the RJ Hub by source, the pilot by area. */
function seedQuarter(): Record<string, RawCell>[] {
  const rows: Record<string, RawCell>[] = [];
  const add = (n: number, row: Record<string, RawCell>) => {
    for (let i = 0; i < n; i++) rows.push({ 'Referral ID': `R${rows.length + 1}`, 'Referral date': `${String((rows.length % 28) + 1).padStart(2, '0')}/0${4 + (rows.length % 3)}/2019`, ...row });
  };
  // 13,441 referrals; 11,412 given information and advice; 4,693 accepted support; 1,554 eligible for onward referral.
  add(1554, { Service: 'Victim Gateway', 'Information and advice given': 'Yes', 'Accepted support and triage': 'Yes', 'Eligible for onward referral': 'Yes' });
  add(4693 - 1554, { Service: 'Gateway', 'Information and advice given': 'Y', 'Accepted support and triage': 'Yes', 'Eligible for onward referral': 'No' });
  add(11412 - 4693, { Service: 'VG', 'Information and advice given': 'Yes', 'Accepted support and triage': 'No' });
  add(13441 - 11412, { Service: 'Victim Gateway', 'Information and advice given': 'No' });
  // 61 RJ Hub referrals from the Gateway, police, self-referrals and probation.
  add(30, { Service: 'RJ Hub', 'Referral source': 'Gateway' });
  add(20, { Service: 'Restorative Justice Hub', 'Referral source': 'Staffordshire Police' });
  add(6, { Service: 'RJ Hub', 'Referral source': 'Self referral' });
  add(5, { Service: 'RJ Hub', 'Referral source': 'Probation' });
  // 25 pilot referrals in May and June: Stoke-on-Trent 21, Stafford 2, Cannock 2.
  for (const [area, n] of [['Stoke-on-Trent', 21], ['Stafford', 2], ['Cannock', 2]] as const)
    for (let i = 0; i < n; i++) rows.push({ 'Referral ID': `P${rows.length + 1}`, 'Referral date': `1${i % 9}/0${5 + (i % 2)}/2019`, Service: 'SAAS pilot', Area: area });
  // Referred before the quarter: counted nowhere.
  rows.push({ 'Referral ID': 'OLD1', 'Referral date': '31/03/2019', Service: 'Victim Gateway', 'Information and advice given': 'Yes' });
  return rows;
}

describe('the Staffordshire framework', () => {
  const imported = importCases(tableOf(HEADERS, seedQuarter()), framework);
  const { figures } = tallyCases(imported.cases, framework, period);

  it('reads the seed quarter without row issues', () => {
    expect(imported.issues).toEqual([]);
  });

  it('gives the seed\'s Gateway funnel, RJ Hub referrals by source and pilot referrals by area', () => {
    expect(figures).toMatchObject({
      'gateway.referrals': 13441,
      'gateway.information_advice': 11412,
      'gateway.accepted_support': 4693,
      'gateway.eligible_specialist': 1554,
      'rj.referrals.total': 61,
      'rj.referrals.by_source.gateway': 30,
      'rj.referrals.by_source.police': 20,
      'rj.referrals.by_source.self': 6,
      'rj.referrals.by_source.probation': 5,
      'rj.referrals.by_source.not_stated': 0,
      'pilot.referrals.total': 25,
      'pilot.referrals.by_area.stoke_on_trent': 21,
      'pilot.referrals.by_area.stafford': 2,
      'pilot.referrals.by_area.cannock_chase': 2,
    });
  });

  const seedAsTyped = {
    'gateway.referrals': 13441, 'gateway.information_advice': 11412, 'gateway.accepted_support': 4693, 'gateway.eligible_specialist': 1554,
    'rj.referrals.total': 61, 'rj.referrals.by_source.gateway': 30, 'rj.referrals.by_source.police': 20, 'rj.referrals.by_source.self': 6, 'rj.referrals.by_source.probation': 5,
    'pilot.referrals.total': 25, 'pilot.referrals.by_area.stoke_on_trent': 21, 'pilot.referrals.by_area.stafford': 2, 'pilot.referrals.by_area.cannock_chase': 2,
    'business.contacted': 952, 'business.accepted_support': 'Half',
    'new_era.referrals_da_victims': '***', 'new_era.referrals_perpetrators': 76, 'new_era.appointments_adults': 1369, 'new_era.appointments_children': 484,
    'satisfaction.rolling_12_months': 78,
  };
  const check = (values: Record<string, number | string | null>) =>
    runChecks({ source: 'staffordshire-update.json', framework, period: null, values, cells: {}, lists: {} }).filter((f) => f.severity === 'error' && f.rule !== 'figures_missing');

  it('catches the seed\'s "***" and "Half" typed where numbers belong, and nothing else', () => {
    expect(check(seedAsTyped).map((f) => [f.rule, f.figures])).toEqual([
      ['figures_not_numbers', ['business.accepted_support']],
      ['figures_not_numbers', ['new_era.referrals_da_victims']],
    ]);
  });

  it('catches a Gateway step larger than the one before it, and a pilot area split that does not add up', () => {
    // The areas the seed does not name, typed as 0 so the split can be added up.
    const otherAreas = Object.fromEntries(['east_staffordshire', 'lichfield', 'newcastle_under_lyme', 'south_staffordshire', 'staffordshire_moorlands', 'tamworth', 'out_of_area', 'not_stated'].map((a) => [`pilot.referrals.by_area.${a}`, 0]));
    const findings = check({ ...seedAsTyped, ...otherAreas, 'business.accepted_support': 476, 'new_era.referrals_da_victims': 1413, 'gateway.accepted_support': 11500, 'pilot.referrals.by_area.stafford': 3 });
    expect(findings.map((f) => f.rule).sort()).toEqual(['gateway_funnel', 'pilot_by_area_sum']);
    expect(findings.find((f) => f.rule === 'pilot_by_area_sum')!.message).toContain('add up to 26');
  });
});
