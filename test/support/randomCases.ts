import fc from 'fast-check';
import { categoryListOf } from '../../src/frameworks/expand';
import { builtInFramework } from '../../src/frameworks/load';
import { dayFromIso, isoOfDay } from '../../src/engine/cases/dates';
import { periodFromIso } from '../../src/engine/tally/period';

const framework = builtInFramework('cambridgeshire');
const FIRST = dayFromIso('2019-06-01')!;
const LAST = dayFromIso('2021-06-30')!;

/** Any spelling the framework accepts for a category column; with `blanks`, also blanks and not-stated words. */
function spellings(key: string, blanks = true): string[] {
  const list = categoryListOf(framework, key);
  return [...(blanks ? ['', 'Not known'] : []), ...list.items.flatMap((i) => [i.label, ...i.synonyms])];
}

const date = fc.option(fc.integer({ min: FIRST, max: LAST }).map(isoOfDay), { nil: '' });
const flag = fc.constantFrom('Y', 'N', 'Yes', 'No', '', 'Unknown');

/** Random valid Cambridgeshire case rows (canonical headers), as an export without mistakes could hold. */
const columns = {
  'Referral date': fc.integer({ min: FIRST, max: LAST }).map(isoOfDay),
  'Exit date': date,
  'Referral source': fc.constantFrom(...spellings('source')),
  'Crime type': fc.constantFrom(...spellings('crime')),
  Disengaged: flag,
  'Additional needs': flag,
  'Mental health needs': flag,
  'Referred to commissioned service': flag,
  'Reported to police after support': flag,
  'Letters/emails sent': fc.option(fc.integer({ min: 0, max: 9 }).map(String), { nil: '' }),
  'Outcome 1': fc.constantFrom(...spellings('outcome')),
  'Outcome 2': fc.constantFrom(...spellings('outcome')),
  Gender: fc.constantFrom(...spellings('gender')),
  Age: fc.oneof(fc.integer({ min: 0, max: 99 }).map(String), fc.constantFrom(...spellings('age'))),
  Ethnicity: fc.constantFrom(...spellings('ethnicity')),
  'Sexual orientation': fc.constantFrom(...spellings('sexual_orientation')),
  Disability: fc.constantFrom(...spellings('disability')),
  District: fc.constantFrom(...spellings('district')),
  'Waiting list start': date,
};
const yes = fc.constantFrom('Y', 'Yes', 'yes');
const no = fc.constantFrom('N', 'No');
const none = fc.constant('');
/** Where triage got to, recorded without contradictions: a supported victim's support type is recorded. */
const triage = fc.oneof(
  fc.record({ Eligible: fc.constantFrom('', 'Unknown'), Contacted: none, 'Support accepted': none, 'Support type': none }),
  fc.record({ Eligible: no, Contacted: none, 'Support accepted': none, 'Support type': none }),
  fc.record({ Eligible: yes, Contacted: no, 'Support accepted': fc.constantFrom('', 'N'), 'Support type': none }),
  fc.record({ Eligible: yes, Contacted: yes, 'Support accepted': no, 'Support type': none }),
  fc.record({ Eligible: fc.constantFrom('Y', 'Yes', ''), Contacted: yes, 'Support accepted': yes, 'Support type': fc.constantFrom(...spellings('support_type', false)) }),
);

export const validCaseRow = fc.tuple(fc.record(columns), triage).map(([row, triaged]) => ({ ...row, ...triaged }));

export const validRows = fc.array(validCaseRow, { maxLength: 60 }).map((rows) => rows.map((r, i) => ({ ...r, 'Case ID': `C${i}` })));

export const CASE_HEADERS = ['Case ID', ...Object.keys(columns), 'Eligible', 'Contacted', 'Support accepted', 'Support type'];

export const periodArb = fc
  .tuple(fc.integer({ min: FIRST, max: LAST }), fc.integer({ min: 0, max: 400 }))
  .map(([from, length]) => periodFromIso(isoOfDay(from), isoOfDay(Math.min(from + length, LAST))));
