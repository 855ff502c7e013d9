import { figuresOf } from '../../../src/frameworks/expand';
import { builtInFramework } from '../../../src/frameworks/load';
import { importCases } from '../../../src/engine/cases/importCases';
import { casesBehind } from '../../../src/engine/tally/casesBehind';
import { periodFromIso } from '../../../src/engine/tally/period';
import { tallyCases } from '../../../src/engine/tally/tally';
import { HEADERS, ROWS } from '../../fixtures/handBuiltCases';
import { V2_HEADERS, V2_ROWS } from '../../fixtures/versionTwoCases';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const imported = importCases(tableOf(HEADERS, ROWS), framework);
const { figures, lists } = tallyCases(imported.cases, framework, period);

/** Asserts a breakdown: the listed categories have these counts, every other category of the family is 0. */
function expectBreakdown(prefix: string, expected: Record<string, number>) {
  const family = Object.keys(figures).filter((id) => id.startsWith(prefix) && !id.slice(prefix.length).includes('.'));
  expect(family.length).toBeGreaterThan(1);
  const actual = Object.fromEntries(family.map((id) => [id.slice(prefix.length), figures[id]]).filter(([, v]) => v !== 0));
  expect(actual).toEqual(expected);
}

describe('tallyCases on the hand-built export', () => {
  it('reports the rows it was built to have problems', () => {
    expect(imported.issues.map((i) => [i.row - 1, i.caseId, i.check ?? i.code])).toEqual([
      [4, 'D', 'closed_without_exit'], // ineligible, no exit date
      [6, 'F', 'closed_without_exit'],
      [7, 'G', 'repeated_category'], // cope and recover twice
      [7, 'G', 'police_referral_reported'], // ADT referral reported to police after support
      [9, 'I', 'unrecognised_category'], // Blackmail
      [10, 'G', 'duplicate_case_id'], // J
      [11, 'K', 'dates_out_of_order'],
      [11, 'K', 'supported_without_type'],
      [13, 'M', 'closed_without_exit'], // declined support, no exit date
      [14, 'N', 'missing_value'],
      [14, 'N', 'supported_without_type'],
    ]);
  });

  it('counts the caseload at the start: A, B (exits on the first day) and L', () => {
    expect(figures['caseload_start.total']).toBe(3);
    expectBreakdown('caseload_start.by_crime.', { domestic_abuse: 1, violence: 1, burglary: 1 });
    expect(figures['caseload_start.additional_needs']).toBe(2); // A, L
    expect(figures['caseload_start.mental_health_needs']).toBe(1); // B
  });

  it('counts the caseload open at the end: A, E, H (exits after), I, L, O, P; not D (ineligible) or M (declined support)', () => {
    expect(figures['caseload_end.total']).toBe(7);
  });

  it('counts new referrals: D, E, G, H, I, K, M, O, P', () => {
    expect(figures['referrals.total']).toBe(9);
    expectBreakdown('referrals.by_source.', { police: 3, self: 1, self_online: 1, health: 1, unknown: 1, other_agency: 1, family_friend: 1 });
    expectBreakdown('referrals.by_crime.', { fraud: 1, stalking_harassment: 1, sexual_offences: 1, domestic_abuse: 2, unknown: 1, violence: 1, robbery: 2 });
    expect(figures['referrals.self']).toBe(2); // D, E
  });

  it('counts support: A, B, G, H, K, O, P were contacted and accepted', () => {
    expect(figures['support.total']).toBe(7);
    expectBreakdown('support.by_crime.', { domestic_abuse: 2, violence: 2, sexual_offences: 1, robbery: 2 });
    expect(figures['support.single_incident']).toBe(3); // B, G, O
    expect(figures['support.ongoing']).toBe(3); // A, H, P; K has no support type
    expect(figures['support.unable_to_contact']).toBe(2); // E, L
    expect(figures['support.disengaged']).toBe(2); // H, M; C is not active
    expect(figures['support.ineligible']).toBe(1); // D; F is after the period
    expect(figures['support.letters_emails']).toBe(13); // A 2 + B 1 + E 3 + G 0 + H 4 + K 1 + L 2
  });

  it('counts needs and the criminal justice system among those supported', () => {
    expect(figures['needs.additional']).toBe(3); // A, H, P
    expect(figures['needs.mental_health']).toBe(2); // B, G
    expect(figures['needs.referred_commissioned']).toBe(2); // G, H; I is not supported
    expect(figures['cjs.reported_to_police']).toBe(1); // O; G was referred by the police, E is not supported
  });

  it('breaks down the supported by each demographic', () => {
    expectBreakdown('demographics.gender.', { female: 3, male: 1, non_binary: 1, not_stated: 2 });
    expectBreakdown('demographics.age.', { '25_34': 3, not_stated: 1, '65_plus': 1, '18_24': 1, '0_17': 1 });
    expectBreakdown('demographics.ethnicity.', { white: 1, asian: 1, black: 1, mixed: 1, other: 1, not_stated: 2 });
    expectBreakdown('demographics.sexual_orientation.', { heterosexual: 1, gay_lesbian: 1, bisexual: 1, other: 1, not_stated: 3 });
    expectBreakdown('demographics.disability.', { yes: 3, no: 3, not_stated: 1 });
    expectBreakdown('demographics.district.', { cambridge: 1, huntingdonshire: 1, fenland: 1, peterborough: 1, outside_area: 1, south_cambridgeshire: 1, not_stated: 1 });
  });

  it('cross-tabulates each demographic by crime type', () => {
    expectBreakdown('demographics.gender.female.', { domestic_abuse: 2, robbery: 1 }); // A, H; O
    expectBreakdown('demographics.gender.male.', { violence: 1 }); // B
    expectBreakdown('demographics.gender.not_stated.', { sexual_offences: 1, violence: 1 }); // G, K
    expectBreakdown('demographics.gender.non_binary.', { robbery: 1 }); // P
    expectBreakdown('demographics.age.25_34.', { domestic_abuse: 1, violence: 1, sexual_offences: 1 }); // A, B, G
    expectBreakdown('demographics.district.not_stated.', { robbery: 1 }); // O
  });

  it('averages the waiting list over the period', () => {
    // On the list: L 1–10 Apr (10 days), G 12–19 May (8), M 21–30 Sep (10); F is referred after the period.
    expect(figures['waiting.average_number']).toBe(0.15); // 28 / 183 = 0.153
    // Came off the list in the period: L after 22 days, G after 8.
    expect(figures['waiting.average_days']).toBe(15);
  });

  it('counts outcomes of supported exits, each outcome once per victim', () => {
    expect(figures['outcomes.exits']).toBe(3); // B, G, K
    expect(figures['outcomes.cope_recover']).toBe(1); // G
    expect(figures['outcomes.informed']).toBe(2); // B, G
    expect(figures['outcomes.health_wellbeing']).toBe(0);
    expect(figures['outcomes.safety']).toBe(0); // H has not exited in the period
    expect(figures['outcomes.total']).toBe(3);
  });

  it('lists the agencies and case studies of supported victims', () => {
    expect(lists.agencies).toEqual([
      { name: 'citizens advice', count: 2 },
      { name: 'Refuge', count: 1 },
    ]);
    expect(lists.caseStudies).toEqual([{ caseId: 'A', row: 2, text: 'A short story of support.', words: 5 }]);
  });

  it('gives a value for every figure of the framework, and no other', () => {
    expect(Object.keys(figures)).toEqual(figuresOf(framework).map((f) => f.id));
  });

  it('names the cases behind every count, as many as it counts', () => {
    for (const figure of figuresOf(framework).filter((f) => f.template.kind === 'count'))
      expect([figure.id, casesBehind(figure, imported.cases, framework, period).length]).toEqual([figure.id, figures[figure.id]]);
    const referrals = figuresOf(framework).find((f) => f.id === 'referrals.by_source.police')!;
    expect(casesBehind(referrals, imported.cases, framework, period).map((c) => c.id)).toEqual(['G', 'K', 'P']);
  });

  it('leaves the average waiting time blank when nobody came off the list', () => {
    const none = tallyCases(imported.cases, framework, periodFromIso('2020-06-01', '2020-06-30'));
    expect(none.figures['waiting.average_days']).toBeNull();
    expect(none.figures['waiting.average_number']).toBe(0);
  });
});

describe('tallyCases: the version 2 definitions', () => {
  const v2 = importCases(tableOf(V2_HEADERS, V2_ROWS), framework);
  const { figures: f, blanked } = tallyCases(v2.cases, framework, period, v2.absent);

  it('leaves cases triaged out of the caseload, even without an exit date', () => {
    expect(f['caseload_start.total']).toBe(1); // S; not Q (ineligible) or R (declined)
    expect(f['caseload_start.mental_health_needs']).toBe(1);
    expect(f['caseload_end.total']).toBe(2); // S, W; V is ineligible but exited
  });

  it('counts declining the first offer as disengaging, and only the period’s ineligible referrals', () => {
    expect(f['support.disengaged']).toBe(1); // R
    expect(f['support.ineligible']).toBe(1); // V; Q was referred before the period
    expect(f['support.unable_to_contact']).toBe(1); // W
  });

  it('leaves police referrals out of reports to police as a result of support', () => {
    expect(f['support.total']).toBe(3); // T, U, V
    expect(f['cjs.reported_to_police']).toBe(1); // T; U was referred by Action Fraud
  });

  it('counts exits without the expected outcomes', () => {
    expect(f['outcomes.exits']).toBe(3);
    expect(f['outcomes.exits_without_outcome']).toBe(1); // V
    expect(f['outcomes.ongoing_exits_without_core']).toBe(2); // T, V
    expect(f['outcomes.single_exits_without_informed']).toBe(1); // U
  });

  it('leaves figures reading a column the export does not have blank, naming the column', () => {
    expect(v2.absent).toEqual(expect.arrayContaining(['additional_needs', 'letters_emails', 'waiting_start', 'waiting_end']));
    expect(f['caseload_start.additional_needs']).toBeNull();
    expect(f['support.letters_emails']).toBeNull();
    expect(f['waiting.average_number']).toBeNull();
    expect(blanked['needs.additional']).toEqual(['additional_needs']);
    expect(blanked['waiting.average_days']).toEqual(['waiting_start', 'waiting_end']);
    // A missing demographic column is honestly "not stated": the breakdown still adds up.
    expect(f['demographics.gender.not_stated']).toBe(3);
    expect(blanked['demographics.gender.not_stated']).toBeUndefined();
  });

  it('reports the rows that contradict themselves, naming the row, Case ID and columns', () => {
    expect(v2.issues.map((i) => [i.caseId, i.check ?? i.code, i.column])).toEqual([
      ['Q', 'closed_without_exit', 'Eligible; Support accepted; Exit date'],
      ['R', 'closed_without_exit', 'Eligible; Support accepted; Exit date'],
      ['U', 'repeated_category', 'Outcome 2'],
      ['U', 'police_referral_reported', 'Reported to police after support; Referral source'],
      ['V', 'ineligible_but_supported', 'Eligible; Contacted; Support accepted'],
      ['W', 'accepted_not_contacted', 'Support accepted; Contacted'],
    ]);
    expect(v2.issues.find((i) => i.caseId === 'W')?.cells).toEqual([{ column: 'Support accepted', value: 'Yes' }, { column: 'Contacted', value: 'No' }]);
    expect(v2.issues.find((i) => i.caseId === 'W')?.message).toBe(
      'Support accepted "Yes", Contacted "No": support is recorded as accepted but the victim was not contacted; the case is not counted as supported. Correct Contacted or Support accepted to what happened.',
    );
  });
});

describe('tallyCases on values written the way a new user\'s export writes them', () => {
  const headers = ['Case ID', 'Referral date', 'Referral source', 'Crime type', 'Contacted', 'Support accepted', 'Support type', 'Exit date', 'Outcome'];
  const row = (id: string, source: string, outcome: string) => ({
    'Case ID': id, 'Referral date': '2020-05-01', 'Referral source': source, 'Crime type': 'Burglary',
    Contacted: 'Yes', 'Support accepted': 'Yes', 'Support type': 'Ongoing', 'Exit date': '2020-06-01', Outcome: outcome,
  });
  const { cases, issues } = importCases(
    tableOf(headers, [
      row('A1', 'Police', 'Improved sense of empowerment (better informed); Wellbeing'),
      row('A2', 'Police - BTP', 'Cope and recover; Improved sense of empowerment (better informed)'),
      row('A4', 'Police (Action Fraud)', 'Wellbeing\nSafety (feel safer)'),
      row('A5', 'Self referral (website)', ''),
    ]),
    framework,
  );
  const tallied = tallyCases(cases, framework, period).figures;

  it('counts each outcome a cell lists, one with words in brackets among them', () => {
    expect(issues).toEqual([]);
    expect(['informed', 'health_wellbeing', 'cope_recover', 'safety'].map((id) => tallied[`outcomes.${id}`])).toEqual([2, 2, 1, 1]);
  });

  it('counts police and self-referral sub-sources under their own sources', () => {
    expect(['police', 'other_police', 'action_fraud', 'self', 'self_online'].map((id) => tallied[`referrals.by_source.${id}`])).toEqual([1, 1, 1, 0, 1]);
  });
});
