import { builtInFramework } from '../../src/frameworks/load';
import { runChecks } from '../../src/engine/checks/runChecks';
import { returnFromJson } from '../../src/engine/checks/returnFromJson';
import { importCases } from '../../src/engine/cases/importCases';
import { judgeTargets } from '../../src/engine/report/targets';
import { periodFromIso } from '../../src/engine/tally/period';
import { tallyCases } from '../../src/engine/tally/tally';
import { LANCASHIRE_HEADERS, lancashireRows, SEED_QUARTER } from '../fixtures/lancashireCases';
import { tableOf } from '../support/tables';

const framework = builtInFramework('lancashire');
const period = periodFromIso('2017-04-01', '2017-06-30');

describe('the Lancashire framework', () => {
  const imported = importCases(tableOf(LANCASHIRE_HEADERS, lancashireRows(SEED_QUARTER)), framework);
  const { figures } = tallyCases(imported.cases, framework, period);

  it('reads the seed quarter without row issues', () => {
    expect(imported.issues).toEqual([]);
  });

  it('gives the seed\'s referrals, insufficient data, 48-hour contact and engagement, with each service\'s figures', () => {
    expect(figures).toMatchObject({
      'referrals.total': 15487,
      'referrals.total.by_service.vs': 14000,
      'referrals.total.by_service.nest': 600,
      'referrals.total.by_service.counselling': 500,
      'referrals.total.by_service.denw': 150,
      'referrals.total.by_service.lcm': 137,
      'referrals.total.by_service.renaissance': 100,
      'referrals.insufficient_data': 3717,
      'referrals.by_source.mash': 500,
      'contact.vulnerable': 2000,
      'contact.vulnerable_within_48h': 1241,
      'contact.vulnerable.by_service.nest': 20,
      'contact.vulnerable_within_48h.by_service.nest': 1,
      'contact.counselling_within_3_days': 450,
      'engagement.engaged': 1394,
      'engagement.high_risk_da': 200,
      'engagement.high_risk_da_engaged': 60,
      'rj.referrals': 40,
      'hate_crime.referrals': 387,
      'hate_crime.by_area.blackburn_with_darwen': 150,
      'hate_crime.partner_project_referrals': 30,
    });
  });

  it('counts the seed\'s shares from the same rows, each over its stated base, to one decimal', () => {
    expect(figures).toMatchObject({
      'referrals.insufficient_data_pct': 24, // 3,717 of 15,487
      'contact.vulnerable_within_48h_pct': 62.1, // 1,241 of 2,000
      'contact.young_people_within_48h_pct': 5, // NEST's split: 1 of its 20 vulnerable young people
      'engagement.rate_pct': 9, // 1,394 of 15,487
      'engagement.high_risk_da_rate_pct': 30, // 60 of 200
    });
  });

  const typed = (extra: Record<string, number | string | null> = {}) => {
    const values: Record<string, number | string | null> = { ...figures, 'referrals.insufficient_data_pct': 24.0, 'contact.young_people_within_48h_pct': 5, 'engagement.rate_pct': 9, ...extra };
    return { source: 'lancashire-q1.json', framework, period: null, values, cells: {}, lists: {} };
  };

  it('finds the seed\'s percentages as given (24.0 %, 5 %, 9 %) agreeing with their counts', () => {
    const findings = runChecks(typed()).filter((f) => f.rule.endsWith('_share'));
    expect(findings).toEqual([]);
  });

  it('judges the engagement rates against the 20–25 % and 40 % targets: both missed', () => {
    const results = judgeTargets(typed());
    expect(results.map((r) => [r.target.id, r.status, Math.round((r.value ?? 0) * 1000) / 10])).toEqual([
      ['engagement_overall', 'not_met', 9],
      ['engagement_high_risk_da', 'not_met', 30],
    ]);
  });

  it('catches a NEST rate typed in that is not NEST\'s own split over its own base', () => {
    const findings = runChecks(typed({ 'contact.young_people_within_48h_pct': 62.1 }));
    expect(findings.filter((f) => f.rule === 'young_people_within_48h_share').map((f) => f.severity)).toEqual(['error']);
  });

  it('catches a stated share that is not its count over its base, and a service split that does not add up', () => {
    const findings = runChecks(typed({ 'referrals.insufficient_data_pct': 30, 'engagement.engaged.by_service.nest': 51 })).filter((f) => f.severity === 'error' && f.rule !== 'figures_missing');
    expect(findings.map((f) => f.rule).sort()).toEqual(['insufficient_data_share', 'service_splits_sum']);
    expect(findings.find((f) => f.rule === 'insufficient_data_share')!.message).toContain('3,717 ÷ Referrals into the service 15,487 = 24%');
  });

  it('takes the hate crime partners\' referrals and the case studies as typed-in tables, querying a row left half-filled', () => {
    const data = returnFromJson(JSON.stringify({ framework: 'lancashire', figures: {}, tables: {
      hate_crime_partner_referrals: [{ partner: 'DENW', project: 'Third-party reporting centre', referrals: 4, area: 'Preston' }, { partner: 'LCM', project: 'Schools outreach', referrals: 'some' }],
      case_studies: [{ service: 'NEST', summary: 'A young person supported after the Manchester attack', rj_referral: null }],
    } }), 'lancashire-q1.json');
    const rows = runChecks(data).filter((f) => f.code === 'complete_rows').map((f) => f.message);
    expect(rows).toEqual([
      'Case studies, including referrals to restorative justice, row 1 (a case study) is not complete: Referred to restorative justice is blank.',
      'Hate crime partners: referrals received through other projects and initiatives, row 2 (a partner\'s project) is not complete: Referrals received holds "some", which is not a number.',
    ]);
  });
});
