import { dayFromParts, partsOfDay, type Day } from '../../src/engine/cases/dates';
import { Random } from './random';

/**
 * A synthetic case-management export for the Cambridgeshire return: no real person's data. It has the quirks
 * real exports have: header synonyms, mixed date formats, Y/N spellings, blanks, extra columns, a few values
 * outside the agreed lists, impossible dates, a repeated Case ID and an exit before its referral.
 */
export const SAMPLE_SEED = 20200401;

const HEADERS = [
  'Client ID', 'Date referred', 'Referred by', 'Offence type', 'Eligible (Y/N)', 'Contact made', 'Accepted support',
  'Support level', 'Withdrew', 'Date closed', 'Additional needs (housing/finance)', 'MH needs',
  'Referred to commissioned provider', 'Onward referrals', 'Reported to police', 'Letters sent',
  'Exit outcome 1', 'Exit outcome 2', 'Exit outcome 3', 'Exit outcome 4', 'Sex', 'DOB', 'Ethnic group', 'Sexuality',
  'Disability (incl. mental health)', 'Local authority', 'Waitlist start', 'Waitlist end', 'Case study text', 'Worker', 'Team',
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FIRST_REFERRAL = dayFromParts(2019, 10, 1)!;
const LAST_REFERRAL = dayFromParts(2021, 3, 31)!;
const EXPORTED = dayFromParts(2021, 4, 12)!;

const SOURCES: [string[], number][] = [
  [['Police', 'ADT', 'Cambridgeshire Constabulary', 'Police (local force)'], 55],
  [['BTP', 'Other force'], 3],
  [['Action Fraud'], 6],
  [['Self', 'Self referral', 'Telephone self-referral'], 8],
  [['Website', 'Live chat', 'Online form'], 5],
  [['Supportline', 'Witness Service'], 3],
  [['GP', 'Hospital', 'NHS'], 4],
  [['Social care', 'Housing', 'School'], 4],
  [['Charity', 'Probation', 'MARAC'], 4],
  [['Family', 'Friend'], 2],
  [['', 'Unknown'], 3],
  [['Neighbour', 'Walk-in'], 0.4],
];
const CRIMES: [string[], number][] = [
  [['Domestic abuse', 'DA', 'Domestic violence'], 22],
  [['Sexual offences', 'Rape', 'Sexual assault'], 8],
  [['Violence with injury', 'Violence without injury', 'Assault', 'Violence against the person'], 20],
  [['Stalking and harassment', 'Stalking & harassment', 'Harassment'], 7],
  [['Hate crime'], 3],
  [['Robbery'], 3],
  [['Burglary', 'Residential burglary'], 8],
  [['Theft', 'Vehicle crime', 'Shoplifting'], 9],
  [['Criminal damage', 'Arson'], 6],
  [['Fraud', 'Cyber crime', 'Scam'], 7],
  [['ASB', 'Anti-social behaviour'], 3],
  [['Murder', 'Manslaughter'], 0.5],
  [['RTC', 'Death by dangerous driving'], 1],
  [['Modern slavery', 'Human trafficking'], 0.5],
  [['Other crime', 'Other'], 2],
  [['', 'Not known'], 1],
  [['Blackmail'], 0.3],
];
const OUTCOMES = [
  ['Better able to cope', 'Cope and recover', 'Better able to recover and cope with aspects of everyday life'],
  ['Better informed', 'Improved sense of empowerment (better informed)', 'Empowerment'],
  ['Health and wellbeing', 'Improved health and wellbeing', 'Wellbeing'],
  ['Feel safer', 'Increased feelings of safety', 'Safety'],
];
const ETHNICITIES: [string, number][] = [
  ['White British', 40], ['White - British', 10], ['English, Welsh, Scottish, Northern Irish or British', 8], ['White other', 6],
  ['Irish', 1], ['Gypsy or Irish Traveller', 0.5], ['Roma', 0.5], ['Mixed', 2], ['White and Black Caribbean', 1],
  ['Asian or Asian British: Pakistani', 2], ['Indian', 2], ['Bangladeshi', 0.5], ['Chinese', 1], ['Black African', 1.5],
  ['Caribbean', 1], ['Arab', 0.5], ['Any other ethnic group', 0.5], ['', 12], ['Prefer not to say', 3], ['Not known', 3],
];
const DISTRICTS: [string, number][] = [
  ['Cambridge', 15], ['Cambridge City', 2], ['East Cambridgeshire', 7], ['East Cambs', 1], ['Fenland', 12], ['Huntingdonshire', 14],
  ['Hunts', 2], ['South Cambridgeshire', 12], ['South Cambs', 2], ['Peterborough', 25], ['Out of area', 3], ['', 5],
];
const AGENCIES = ['Citizens Advice', 'citizens advice', 'Refuge', 'Housing Options', 'Samaritans', 'IAPT', 'Mind', 'StepChange', 'Local foodbank'];
const WORKERS = ['AB', 'CK', 'DM', 'JP', 'LS', 'RT'];
const CASE_STUDY_WORDS =
  'The victim was referred after a burglary at her home and felt unsafe sleeping there. Her caseworker arranged a lock change through the local scheme, talked through what would happen next with the police investigation and checked in weekly. She said she felt listened to, slept through the night again within a month and has since returned to work. She asked us to share her story so that others know help is there.'.split(' ');

export function generateSampleCases(count = 3000, seed = SAMPLE_SEED): string[][] {
  const random = new Random(seed);
  const rows: string[][] = [HEADERS];
  for (let i = 0; i < count; i++) rows.push(caseRow(random, i));
  // Quirks a real export has, at fixed places so each one is present.
  rows[41]![1] = '31/06/2020';
  rows[77]![1] = '';
  rows[133]![5] = 'Maybe';
  rows[250]![15] = 'N/A';
  rows[251]![15] = '2.5';
  rows[500] = [...rows[499]!];
  rows[612]![9] = '01/01/2019';
  return rows;
}

function caseRow(random: Random, index: number): string[] {
  const referral = random.int(FIRST_REFERRAL, LAST_REFERRAL);
  const eligible = random.weighted<string>([['Y', 40], ['Yes', 30], ['N', 5], ['No', 3], ['', referral > EXPORTED - 30 ? 30 : 4]]);
  const isEligible = eligible.startsWith('Y');
  const contacted = isEligible ? random.weighted<string>([['Yes', 60], ['Y', 20], ['No', 10], ['', 5]]) : random.pick(['', 'No']);
  const accepted = contacted.startsWith('Y') ? random.weighted<string>([['Yes', 70], ['Y', 10], ['No', 18], ['', 2]]) : '';
  const supported = accepted.startsWith('Y');
  const ongoing = supported && random.chance(0.4);
  const supportType = supported ? (ongoing ? random.pick(['Ongoing', 'Ongoing support', 'Extended']) : random.pick(['Single incident', 'Single', 'One-off'])) : '';
  const exitDay = random.chance(0.78) ? referral + random.int(0, ongoing ? 240 : 45) : null;
  const exit = exitDay !== null && exitDay <= EXPORTED ? exitDay : null;
  const outcomes: string[] = ['', '', '', ''];
  if (supported && exit !== null && random.chance(0.9)) {
    const chosen = new Set<number>([1]);
    if (ongoing) chosen.add(0);
    for (const extra of [2, 3]) if (random.chance(0.3)) chosen.add(extra);
    [...chosen].sort().forEach((o, slot) => (outcomes[slot] = random.pick(OUTCOMES[o]!)));
  }
  const waiting = supported && ongoing && random.chance(0.12);
  const waitStart = waiting ? referral + random.int(1, 10) : null;
  const waitEnd = waitStart !== null && random.chance(0.8) ? waitStart + random.int(3, 60) : null;
  const flag = (p: number) => (random.chance(p) ? random.pick(['Yes', 'Y', 'TRUE']) : random.pick(['No', 'N', 'FALSE', '']));
  return [
    `VS-${String(100000 + index * 7).padStart(6, '0')}`,
    formatDate(random, referral),
    random.pick(random.weighted(SOURCES)),
    random.pick(random.weighted(CRIMES)),
    eligible,
    contacted,
    accepted,
    supportType,
    ongoing && random.chance(0.1) ? 'Yes' : random.pick(['No', '']),
    exit === null ? '' : formatDate(random, exit),
    flag(0.25),
    flag(0.3),
    supported && random.chance(0.05) ? 'Y' : '',
    supported && random.chance(0.2) ? [random.pick(AGENCIES), ...(random.chance(0.3) ? [random.pick(AGENCIES)] : [])].join('; ') : '',
    supported && random.chance(0.08) ? 'Yes' : random.pick(['No', '']),
    random.chance(0.7) ? String(random.int(0, 4)) : '',
    ...outcomes,
    random.weighted<string>([['Female', 40], ['F', 10], ['Male', 30], ['M', 8], ['Woman', 2], ['Non-binary', 1], ['Prefer not to say', 2], ['', 7]]),
    random.chance(0.85) ? formatDob(random, referral) : random.pick(['', 'Not known']),
    random.weighted(ETHNICITIES),
    random.weighted<string>([['', 50], ['Not asked', 10], ['Heterosexual', 25], ['Straight', 5], ['Gay', 2], ['Lesbian', 2], ['Bisexual', 2], ['Prefer not to say', 4]]),
    random.weighted<string>([['N', 40], ['No', 20], ['Y', 10], ['Yes', 8], ['Not disabled', 4], ['', 18]]),
    random.weighted(DISTRICTS),
    waitStart === null ? '' : formatDate(random, waitStart),
    waitEnd === null ? '' : formatDate(random, waitEnd),
    supported && index % 97 === 5 ? caseStudy(random) : '',
    random.pick(WORKERS),
    random.pick(['Hub', 'Outreach', 'ISVA']),
  ];
}

/** Dates as different screens of a case-management system write them. */
function formatDate(random: Random, day: Day): string {
  const { year, month, day: d } = partsOfDay(day);
  const dd = String(d).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return random.weighted<string>([
    [`${dd}/${mm}/${year}`, 60],
    [`${year}-${mm}-${dd}`, 15],
    [`${d} ${MONTHS[month - 1]} ${year}`, 10],
    [`${dd}/${mm}/${year} ${String(random.int(8, 18)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`, 10],
    [`${dd}-${MONTHS[month - 1]}-${String(year).slice(2)}`, 5],
  ]);
}

function formatDob(random: Random, referral: Day): string {
  const age = random.weighted<[number, number]>([[[10, 17], 8], [[18, 24], 16], [[25, 34], 24], [[35, 44], 20], [[45, 54], 15], [[55, 64], 9], [[65, 92], 8]]);
  const birth = referral - random.int(age[0] * 365 + 1, age[1] * 365 + 360);
  const { year, month, day } = partsOfDay(birth);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

function caseStudy(random: Random): string {
  const repeats = random.int(1, 3);
  return Array.from({ length: repeats }, () => CASE_STUDY_WORDS.join(' ')).join(' ');
}
