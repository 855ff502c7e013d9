import { figuresOf } from '../../../src/frameworks/expand';
import { builtInFramework } from '../../../src/frameworks/load';
import { importCases } from '../../../src/engine/cases/importCases';
import type { RawCell } from '../../../src/engine/cases/rawTable';
import { periodFromIso } from '../../../src/engine/tally/period';
import { tallyCases } from '../../../src/engine/tally/tally';
import { tableOf } from '../../support/tables';

/**
 * A hand-built export, period 1 Apr – 30 Sep 2020. Each case is there for a reason, given beside it; every
 * expected value below is worked out from these rows.
 */
const HEADERS = [
  'Case ID', 'Referral date', 'Referral source', 'Crime type', 'Eligible', 'Contacted', 'Support accepted', 'Support type',
  'Disengaged', 'Exit date', 'Additional needs', 'Mental health needs', 'Referred to commissioned service', 'Agencies referred to',
  'Reported to police after support', 'Letters/emails sent', 'Outcome 1', 'Outcome 2', 'Outcome 3', 'Outcome 4', 'Gender', 'Age',
  'Ethnicity', 'Sexual orientation', 'Disability', 'District', 'Waiting list start', 'Waiting list end', 'Case study',
];
type Row = Record<string, RawCell>;
const supported = { Eligible: 'Y', Contacted: 'Yes', 'Support accepted': 'Yes' };
const ROWS: Row[] = [
  // A: open at start, still open; supported, ongoing.
  { 'Case ID': 'A', 'Referral date': '01/03/2020', 'Referral source': 'Police', 'Crime type': 'Domestic abuse', ...supported, 'Support type': 'Ongoing',
    'Additional needs': 'Y', 'Mental health needs': 'N', 'Agencies referred to': 'citizens advice', 'Letters/emails sent': '2', Gender: 'F', Age: '30',
    Ethnicity: 'White British', 'Sexual orientation': 'Straight', Disability: 'No', District: 'Cambridge', 'Case study': 'A short story of support.' },
  // B: open at start, exits on the first day; supported, single incident.
  { 'Case ID': 'B', 'Referral date': '15/03/2020', 'Referral source': 'ADT', 'Crime type': 'Assault', ...supported, 'Support type': 'Single incident',
    'Exit date': '01/04/2020', 'Mental health needs': 'Yes', 'Letters/emails sent': 1, 'Outcome 1': 'Better informed', Gender: 'M', Age: '1990-04-01',
    Ethnicity: 'Asian or Asian British: Pakistani', 'Sexual orientation': 'gay', Disability: 'N', District: 'Hunts' },
  // C: referred and exited before the period: counted nowhere.
  { 'Case ID': 'C', 'Referral date': '31/03/2020', 'Referral source': 'Self', 'Crime type': 'Theft', Eligible: 'Y', Disengaged: 'Y',
    'Exit date': '31/03/2020', 'Letters/emails sent': '5' },
  // D: referred on the first day; ineligible.
  { 'Case ID': 'D', 'Referral date': '2020-04-01', 'Referral source': 'Self referral', 'Crime type': 'Fraud', Eligible: 'N', 'Case study': 'Not supported, so not a case study.' },
  // E: referred on the last day; eligible, could not be contacted.
  { 'Case ID': 'E', 'Referral date': '30 Sep 2020', 'Referral source': 'Website', 'Crime type': 'Stalking and harassment', Eligible: 'Yes', Contacted: 'No',
    'Reported to police after support': 'Y', 'Letters/emails sent': '3' },
  // F: referred the day after the period: counted nowhere, not even on the waiting list.
  { 'Case ID': 'F', 'Referral date': '01/10/2020', 'Referral source': 'Police', 'Crime type': 'Robbery', Eligible: 'N', 'Letters/emails sent': '7',
    'Waiting list start': '01/09/2020' },
  // G: referred in the period, exits on the last day; supported; three outcome cells, two different outcomes.
  { 'Case ID': 'G', 'Referral date': '10/05/2020', 'Referral source': 'ADT', 'Crime type': 'Rape', ...supported, 'Support type': 'Single',
    'Exit date': '30/09/2020', 'Additional needs': 'N', 'Mental health needs': 'Y', 'Referred to commissioned service': 'Y',
    'Agencies referred to': 'Citizens Advice; Refuge', 'Reported to police after support': 'Yes', 'Letters/emails sent': '0',
    'Outcome 1': 'Cope and recover', 'Outcome 2': 'Better informed', 'Outcome 3': 'Better able to cope', Age: '25-34', Disability: 'Yes',
    District: 'Fenland', 'Waiting list start': '12/05/2020', 'Waiting list end': '20/05/2020' },
  // H: referred in the period, exits after it; supported, ongoing, disengaged; its outcome is not an exit in the period.
  { 'Case ID': 'H', 'Referral date': '01/06/2020', 'Referral source': 'GP', 'Crime type': 'DA', ...supported, 'Support type': 'Ongoing support',
    Disengaged: 'Yes', 'Exit date': '01/10/2020', 'Additional needs': 'Yes', 'Referred to commissioned service': 'TRUE', 'Letters/emails sent': '4',
    'Outcome 1': 'Feel safer', Gender: 'Woman', Ethnicity: 'Caribbean', 'Sexual orientation': 'Bisexual', Disability: 'Disabled', District: 'Peterborough' },
  // I: referred in the period, not yet triaged; crime type outside the list.
  { 'Case ID': 'I', 'Referral date': '01/07/2020', 'Crime type': 'Blackmail', 'Referred to commissioned service': 'Y', 'Agencies referred to': 'Mind' },
  // J: repeats G's Case ID: counted nowhere.
  { 'Case ID': 'G', 'Referral date': '11/05/2020', 'Referral source': 'ADT', 'Crime type': 'Rape', ...supported, 'Exit date': '30/09/2020' },
  // K: exit before referral, both in the period: counted by its dates; supported exit with no outcome.
  { 'Case ID': 'K', 'Referral date': '15/04/2020', 'Referral source': 'Police', 'Crime type': 'Violence with injury', ...supported,
    'Exit date': '10/04/2020', 'Letters/emails sent': '1', Gender: 'Prefer not to say', Age: '65+', Ethnicity: 'Mixed', 'Sexual orientation': 'Pansexual',
    District: 'Out of area' },
  // L: long open case; eligible, not contacted; on the waiting list from before the period to 11 April.
  { 'Case ID': 'L', 'Referral date': '01/01/2019', 'Referral source': 'Police', 'Crime type': 'Burglary', Eligible: 'Y', Contacted: 'N',
    'Additional needs': 'Yes', 'Letters/emails sent': '2', 'Waiting list start': '20/03/2020', 'Waiting list end': '11/04/2020' },
  // M: referred in the period; contacted, declined support, disengaged; on the waiting list from 21 Sep, still on it.
  { 'Case ID': 'M', 'Referral date': '01/08/2020', 'Referral source': 'MARAC', 'Crime type': 'Domestic violence', Eligible: 'Y', Contacted: 'Y',
    'Support accepted': 'N', Disengaged: 'Y', 'Waiting list start': '21/09/2020' },
  // N: no referral date: counted nowhere.
  { 'Case ID': 'N', 'Referral source': 'Police', 'Crime type': 'Robbery', ...supported },
  // O: turns 18 on the referral date.
  { 'Case ID': 'O', 'Referral date': '15/06/2020', 'Referral source': 'Friend', 'Crime type': 'Robbery', ...supported, 'Support type': 'Single incident',
    'Reported to police after support': '1', Gender: 'female', Age: '15/06/2002', Ethnicity: 'Arab', Disability: 'Not disabled' },
  // P: turns 18 the day after the referral date.
  { 'Case ID': 'P', 'Referral date': '15/06/2020', 'Referral source': 'Police', 'Crime type': 'Robbery', ...supported, 'Support type': 'Extended',
    'Additional needs': 'Y', Gender: 'Non-binary', Age: '16/06/2002', Ethnicity: 'Prefer not to say', 'Sexual orientation': 'Not asked',
    Disability: 'Y', District: 'South Cambs' },
];

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
    expect(imported.issues.map((i) => [i.row - 1, i.code])).toEqual([
      [9, 'unrecognised_category'], // I: Blackmail
      [10, 'duplicate_case_id'], // J
      [11, 'dates_out_of_order'], // K
      [14, 'missing_value'], // N
    ]);
  });

  it('counts the caseload at the start: A, B (exits on the first day) and L', () => {
    expect(figures['caseload_start.total']).toBe(3);
    expectBreakdown('caseload_start.by_crime.', { domestic_abuse: 1, violence: 1, burglary: 1 });
    expect(figures['caseload_start.additional_needs']).toBe(2); // A, L
    expect(figures['caseload_start.mental_health_needs']).toBe(1); // B
  });

  it('counts the caseload open at the end: A, D, E, H (exits after), I, L, M, O, P', () => {
    expect(figures['caseload_end.total']).toBe(9);
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
    expect(figures['cjs.reported_to_police']).toBe(2); // G, O; E is not supported
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

  it('leaves the average waiting time blank when nobody came off the list', () => {
    const none = tallyCases(imported.cases, framework, periodFromIso('2020-06-01', '2020-06-30'));
    expect(none.figures['waiting.average_days']).toBeNull();
    expect(none.figures['waiting.average_number']).toBe(0);
  });
});
