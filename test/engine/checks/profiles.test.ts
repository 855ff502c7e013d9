import { runChecks } from '../../../src/engine/checks/runChecks';
import { returnWith } from '../../support/returns';

const codesFor = (figure: string, findings: ReturnType<typeof runChecks>) => findings.filter((f) => f.figures.includes(figure)).map((f) => `${f.code}:${f.rule}`);
const RJ_FIGURES = ['rj.proactive_referrals', 'rj.first_meeting_rate', 'rj.conference_rate', 'rj.weeks_to_conference'];
const HUB_FIGURES = ['support.letters_emails', 'needs.referred_commissioned'];

describe('service profiles in the check', () => {
  it('a general service is not asked for the hub and RJ figures: blank is not missing', () => {
    const findings = runChecks(returnWith(Object.fromEntries([...RJ_FIGURES, ...HUB_FIGURES].map((id) => [id, null]))));
    for (const id of [...RJ_FIGURES, ...HUB_FIGURES]) expect(codesFor(id, findings)).toEqual([]);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('says nothing of a rule only about figures outside the profile, and names a rule relating them to others', () => {
    expect(runChecks(returnWith({})).filter((f) => f.code === 'not_applicable')).toEqual([]);
    const framework = { ...returnWith({}).framework };
    framework.rules = [...framework.rules, { id: 'letters_per_victim', kind: 'cap', severity: 'query', title: 'At most ten letters per victim', hint: 'Check.', figure: 'support.letters_emails', factor: 10, of: 'support.total' }];
    const notApplicable = runChecks(returnWith({}, { framework })).filter((f) => f.code === 'not_applicable');
    expect(notApplicable.map((f) => f.message)).toEqual([
      '1 rule relates figures not asked under the return\'s service profile (General victim service), so it was not checked: At most ten letters per victim.',
    ]);
  });

  it('a part outside the profile does not stop its siblings being checked against the whole', () => {
    const findings = runChecks(returnWith({ 'support.total': 3, 'needs.additional': 5 }));
    expect(codesFor('needs.additional', findings)).toEqual(['subset:needs_within_support']);
  });

  it('an RJ service is asked for the RJ figures: blank is missing, a rate over 100 and more proactive referrals than referrals are errors', () => {
    const blank = runChecks(returnWith(Object.fromEntries(RJ_FIGURES.map((id) => [id, null])), { profile: 'rj' }));
    for (const id of RJ_FIGURES) expect(codesFor(id, blank)).toEqual(['missing:figures_missing']);
    const wrong = runChecks(returnWith({ 'referrals.total': 4, 'rj.proactive_referrals': 6, 'rj.first_meeting_rate': 120, 'rj.conference_rate': 37.5, 'rj.weeks_to_conference': 41.25 }, { profile: 'rj' }));
    expect(codesFor('rj.proactive_referrals', wrong)).toEqual(['subset:proactive_within_referrals']);
    expect(codesFor('rj.first_meeting_rate', wrong)).toEqual(['threshold:rj_rates_at_most_100']);
    expect(codesFor('rj.conference_rate', wrong)).toEqual([]);
    expect(codesFor('rj.weeks_to_conference', wrong)).toEqual([]);
  });

  it('an RJ service is not asked for the hub figures, and a hub not for the RJ ones', () => {
    const rj = runChecks(returnWith(Object.fromEntries(HUB_FIGURES.map((id) => [id, null])), { profile: 'rj' }));
    for (const id of HUB_FIGURES) expect(codesFor(id, rj)).toEqual([]);
    const hub = runChecks(returnWith({ 'support.letters_emails': null, 'rj.proactive_referrals': null }, { profile: 'victim-and-witness-hub' }));
    expect(codesFor('support.letters_emails', hub)).toEqual(['missing:figures_missing']);
    expect(codesFor('rj.proactive_referrals', hub)).toEqual([]);
  });
});
