import { parseFramework } from '../../../src/frameworks/load';
import { runChecks } from '../../../src/engine/checks/runChecks';
import safeSpaces from '../../fixtures/safe-spaces-kpi.json';
import { returnWith } from '../../support/returns';

/** Mistakes found in the seed documents, checked as a commissioner would receive them. */
describe('the mistakes of real returns', () => {
  const framework = parseFramework(safeSpaces, 'safe-spaces-kpi.json');
  const safeSpacesReturn = (values: Record<string, number | string | null>) => ({ source: 'safe-spaces-q4.json', framework, period: null, values, cells: {}, lists: {} });
  // KPI 24a and 24b of the Safe Spaces report, as sent.
  const kpi24 = {
    'self_referrals.by_method.email': 10, 'self_referrals.by_method.telephone': 18, 'self_referrals.by_method.live_chat': 5,
    'self_referrals.by_method.website': 5, 'self_referrals.by_method_total': 38, 'self_referrals.by_denomination.cofe': 18,
    'self_referrals.by_denomination.catholic': 8, 'self_referrals.by_denomination.did_not_disclose': 1, 'self_referrals.by_denomination.unknown': 13,
  };

  it('finds Safe Spaces self-referrals by method (38) and by denomination (40) on different bases', () => {
    const findings = runChecks(safeSpacesReturn({ ...kpi24, 'survey.responses': 19, 'survey.listened_to': 74 }));
    expect(findings).toMatchObject([
      { rule: 'self_referral_bases_agree', severity: 'error', message: 'Self-referrals by denomination add up to 40 but Self-referrals by method (total) is 38 (2 more).' },
    ]);
  });

  it('queries 100% from one survey response', () => {
    const findings = runChecks(safeSpacesReturn({ ...kpi24, 'self_referrals.by_denomination.unknown': 11, 'survey.responses': 1, 'survey.listened_to': 100 }));
    expect(findings).toMatchObject([{ rule: 'survey_small_base', severity: 'query', figures: ['survey.listened_to', 'survey.responses'] }]);
    expect(findings[0]!.message).toContain('rests on Service-user surveys returned of 1, fewer than 10');
  });

  it('reports "N/!" typed into a percentage cell (KPI 21) as not a number', () => {
    const findings = runChecks(safeSpacesReturn({ ...kpi24, 'self_referrals.by_denomination.unknown': 11, 'survey.responses': 19, 'survey.listened_to': 'N/!' }));
    expect(findings).toMatchObject([{ rule: 'figures_not_numbers', severity: 'error', figures: ['survey.listened_to'] }]);
  });

  it('queries West Midlands: 99.995% "not disabled" and 98.97% unknown sexuality', () => {
    const values = {
      'support.total': 20000,
      'demographics.disability.no': 19999, 'demographics.disability.yes': 1,
      'demographics.sexual_orientation.not_stated': 19794, 'demographics.sexual_orientation.heterosexual': 206,
      'demographics.gender.female': 20000, 'demographics.age.not_stated': 10000, 'demographics.age.25_34': 10000,
      'demographics.ethnicity.white': 15000, 'demographics.ethnicity.asian': 5000, 'demographics.district.cambridge': 20000,
    };
    const findings = runChecks(returnWith(values)).filter((f) => f.severity === 'query');
    expect(findings.map((f) => [f.rule, f.figures[0]])).toEqual(expect.arrayContaining([
      ['demographics_default_code', 'demographics.disability.no'],
      ['demographics_not_stated', 'demographics.sexual_orientation.not_stated'],
    ]));
  });
});
