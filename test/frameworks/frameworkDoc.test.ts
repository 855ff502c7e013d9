import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameworkDoc } from '../../src/frameworks/frameworkDoc';
import { builtInFramework, builtInFrameworkIds, parseFramework } from '../../src/frameworks/load';
import cambridgeshire from '../../src/frameworks/data/cambridgeshire.json';
import eventsFixture from '../fixtures/events-framework.json';

describe('docs/frameworks/<id>.md', () => {
  it.each(builtInFrameworkIds)('docs/frameworks/%s.md is what npm run docs:frameworks writes from the framework (no drift)', (id) => {
    const checkedIn = readFileSync(join(__dirname, '..', '..', 'docs', 'frameworks', `${id}.md`), 'utf8');
    expect(checkedIn).toBe(frameworkDoc(builtInFramework(id)));
  });
});

describe('frameworkDoc', () => {
  const doc = frameworkDoc(builtInFramework('cambridgeshire'));

  it('lists each case-data column with its accepted headers, its values and whether it is required', () => {
    expect(doc).toContain('| Referral source | Source, Referred by, Source of referral, Referral route, Referrer, Referral source type, Referral agency, How referred | one of [Referral source](#referral-source-source) | yes |');
    expect(doc).toContain('| Outcome 1 … Outcome 4 | Exit outcome n, Outcomes n | one of [Outcome](#outcome-outcome) | no |');
  });

  it('lists each category with its id, label and spellings, under the heading the columns link to', () => {
    expect(doc).toContain('### Referral source (`source`)');
    expect(doc).toContain('| `self_online` | Self-referral (online) | Website, Online form,');
    expect(doc).toMatch(/\| `65_plus` \| 65\+ \| 65 and over \|/);
  });

  it('defines each figure in words from its population and conditions', () => {
    expect(doc).toContain('| `referrals.self` | Self-referrals | Cases referred in the period where Referral source is Self-referral or Self-referral (online). |');
    expect(doc).toContain('where Reported to police after support is yes and Referral source is none of Police (local force), Other police force, Action Fraud.');
    expect(doc).toContain('| `support.letters_emails` | Letters and emails sent | The sum of Letters/emails sent over cases active in the period (blank is 0). |');
  });

  it('states each rule over its figures', () => {
    expect(doc).toContain('| `support_within_caseload` | 10 | error | Victims supported come from the caseload and new referrals | `support.total` ≤ `caseload_start.total` + `referrals.total`. |');
  });

  it('follows the data: a relabelled category is documented as relabelled', () => {
    const edited = JSON.parse(JSON.stringify(cambridgeshire));
    edited.categories.source.items[0].label = 'Constabulary';
    expect(frameworkDoc(parseFramework(edited, 'edited'))).toContain('| `police` | Constabulary |');
  });
});

describe('the reference page of a framework with event tables', () => {
  const doc = frameworkDoc(parseFramework(eventsFixture, 'events-framework.json'));

  it('lists each event table\'s columns, with their other headers and values, and how its rows join the cases', () => {
    expect(doc).toContain('## Event data: Contacts (`contacts`)');
    expect(doc).toContain('| Case ID | Case ref | text | yes |');
    expect(doc).toContain('| Channel |  | one of [Channel](#channel-channel) | no |');
    expect(doc).toMatch(/A row whose\nCase ID matches no case in the case data is reported and counted nowhere, and so is a row repeating an earlier row's Contact ID\./);
  });

  it('says what each event figure counts', () => {
    expect(doc).toContain('Rows of Contacts (`contacts`) dated in the period where Unsafe to contact is not yes.');
    expect(doc).toContain('Cases referred in the period where Gender is Female with at least one row of Contacts (`contacts`) dated in the period where Service is Counselling (a case counts once however many it has).');
  });
});
