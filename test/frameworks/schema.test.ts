import { figuresOf } from '../../src/frameworks/expand';
import { builtInFramework, parseFramework } from '../../src/frameworks/load';
import type { FrameworkInput } from '../../src/frameworks/schema';
import cambridgeshire from '../../src/frameworks/data/cambridgeshire.json';
import eventsFixture from '../fixtures/events-framework.json';
import { InputError } from '../../src/errors';

const framework = builtInFramework('cambridgeshire');
const clone = (): FrameworkInput => JSON.parse(JSON.stringify(cambridgeshire));

describe('the cambridgeshire framework', () => {
  it('defines exactly the figure ids of cambridgeshire-return.md (a public contract)', () => {
    expect(framework.figures.map((f) => f.id)).toEqual([
      'caseload_start.total', 'caseload_start.by_crime.<crime>', 'caseload_start.additional_needs', 'caseload_start.mental_health_needs',
      'caseload_end.total', 'referrals.total', 'referrals.by_source.<source>', 'referrals.by_crime.<crime>', 'referrals.self',
      'support.total', 'support.by_crime.<crime>', 'support.<support_type>', 'support.unable_to_contact', 'support.disengaged',
      'support.ineligible', 'support.letters_emails', 'needs.additional', 'needs.mental_health', 'needs.referred_commissioned',
      'cjs.reported_to_police',
      ...['gender', 'age', 'ethnicity', 'sexual_orientation', 'disability', 'district'].flatMap((dim) => [`demographics.${dim}.<${dim}>`, `demographics.${dim}.<${dim}>.<crime>`]),
      'waiting.average_number', 'waiting.average_days',
      'rj.proactive_referrals', 'rj.first_meeting_rate', 'rj.conference_rate', 'rj.weeks_to_conference',
      'outcomes.exits', 'outcomes.<outcome>', 'outcomes.total',
      'outcomes.exits_without_outcome', 'outcomes.ongoing_exits_without_core', 'outcomes.single_exits_without_informed',
    ]);
  });

  it('expands the templates into the category ids of case-data.md', () => {
    const ids = new Set(figuresOf(framework).map((f) => f.id));
    for (const id of [
      'referrals.by_source.police', 'referrals.by_source.self_online', 'referrals.by_source.unknown', 'referrals.by_crime.modern_slavery',
      'support.single_incident', 'support.ongoing', 'demographics.age.0_17', 'demographics.age.65_plus', 'demographics.age.not_stated',
      'demographics.ethnicity.black.domestic_abuse', 'demographics.district.outside_area', 'demographics.disability.not_stated.unknown',
      'outcomes.cope_recover', 'outcomes.informed', 'outcomes.health_wellbeing', 'outcomes.safety',
    ])
      expect(ids).toContain(id);
    expect(ids.size).toBe(figuresOf(framework).length);
  });

  it('labels expanded figures with the category labels', () => {
    const figure = figuresOf(framework).find((f) => f.id === 'demographics.gender.female.robbery');
    expect(figure?.label).toBe('Gender: Female, Robbery');
    expect(figure?.categories).toEqual({ gender: 'female', crime: 'robbery' });
  });

  it('sums outcomes.total over the four outcomes', () => {
    expect(figuresOf(framework).find((f) => f.id === 'outcomes.total')?.parts).toEqual([
      'outcomes.cope_recover', 'outcomes.informed', 'outcomes.health_wellbeing', 'outcomes.safety',
    ]);
  });
});

describe('parseFramework', () => {
  const problems = (edit: (fw: FrameworkInput) => void) => {
    const fw = clone();
    edit(fw);
    try {
      parseFramework(fw, 'my-framework.json');
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as Error).message;
    }
    throw new Error('expected the framework to be refused');
  };

  it.each<[string, (fw: FrameworkInput) => void, RegExp]>([
    ['an unknown population', (fw) => Object.assign(fw.figures[0]!, { population: 'everyone' }), /figures\[0\]\.population: no population "everyone"/],
    ['an unknown section', (fw) => Object.assign(fw.figures[0]!, { section: 'misc' }), /figures\[0\]\.section: no section "misc"/],
    ['a placeholder without its by column', (fw) => Object.assign(fw.figures[1]!, { by: [] }), /placeholders in "caseload_start\.by_crime\.<crime>" must be the "by" columns/],
    ['a condition on a missing column', (fw) => Object.assign(fw.populations.supported!, { where: { spoken: 'yes' } }), /populations\.supported\.where\.spoken: no column "spoken"/],
    ['a condition with a category not in the list', (fw) => Object.assign(fw.figures[8]!, { where: { source: ['self', 'selfie'] } }), /"selfie" is not a category of "source"/],
    ['a flag condition that is not yes/no/unknown', (fw) => Object.assign(fw.populations.supported!, { where: { contacted: 'maybe' } }), /a flag condition is yes, no or unknown/],
    ['a sum over a missing figure', (fw) => Object.assign(fw.figures.find((f) => f.id === 'outcomes.total')!, { figures: ['outcomes.<nothing>'] }), /"outcomes\.<nothing>" must be a figure defined before this one/],
    ['blank on a column with a not-stated bucket', (fw) => Object.assign(fw.populations.supported!, { where: { gender: { blank: true } } }), /"gender" is never blank: blank values go to its "not_stated" category/],
    ['hours between date-only columns', (fw) => Object.assign(fw.figures[8]!, { where: { exit_date: { within: { of: 'referral_date', hours: 48 } } } }), /figures\[8\]\.where\.exit_date: hours need a time of day on both columns/],
    ['a time condition measured from a missing column', (fw) => Object.assign(fw.figures[8]!, { where: { exit_date: { within: { of: 'refered', days: 3 } } } }), /figures\[8\]\.where\.exit_date: no column "refered"/],
    ['a time condition giving both hours and days', (fw) => Object.assign(fw.figures[8]!, { where: { exit_date: { later_than: { of: 'referral_date', days: 3, hours: 2 } } } }), /figures\[8\]\.where\.exit_date.*give either hours or days/],
    ['a weekend condition on a flag', (fw) => Object.assign(fw.populations.supported!, { where: { contacted: { day: 'weekend' } } }), /populations\.supported\.where\.contacted: a day condition tests a date or date-and-time column, not a flag column/],
    ['a number compared with a date column', (fw) => Object.assign(fw.populations.supported!, { where: { exit_date: { '>': 3 } } }), /populations\.supported\.where\.exit_date: "> 3" compares a whole-number column, not a date column/],
    ['a date compared with a category column', (fw) => Object.assign(fw.populations.supported!, { where: { exit_date: { '>=': { column: 'source' } } } }), /"source" is a category column; a date comparison needs a date or date-and-time column/],
    ['a row check whose problem ends with a full stop', (fw) => Object.assign(fw.rowChecks![0]!, { problem: 'the case was not contacted.' }), /rowChecks\[0\]\.problem: .*leave the final "\." out/],
    ['a row check naming a missing column', (fw) => Object.assign(fw.rowChecks![0]!, { columns: ['eligible', 'exit'] }), /rowChecks\[0\]\.columns\[1\]: no column "exit"/],
    ['a change naming no figure', (fw) => Object.assign(fw.changes![0]!, { changed: ['caseload.total'] }), /changes\[0\]\.changed\[0\]: "caseload\.total" names no figure/],
    ['a category column with no list', (fw) => Object.assign(fw.columns[2]!, { category: 'origin' }), /columns\[2\]\.category: no category list "origin"/],
    ['an unknown bucket that is not an item', (fw) => Object.assign(fw.categories.gender!, { unknown: 'nobody' }), /categories\.gender\.unknown: "nobody" is not one of the list's items/],
    ['a category narrowing one not in its list', (fw) => Object.assign(fw.categories.source!.items[1]!, { refines: ['polise'] }), /categories\.source\.items\[1\]\.refines\[0\]: "polise" is not another category of the list[\s\S]*Did you mean "police"\?/],
    ['a category narrowing itself', (fw) => Object.assign(fw.categories.source!.items[1]!, { refines: ['other_police'] }), /categories\.source\.items\[1\]\.refines\[0\]: "other_police" is not another category of the list/],
    ['a badly formed figure id', (fw) => Object.assign(fw.figures[0]!, { id: 'Caseload Start' }), /figures\[0\]\.id: a figure id is dot-separated lower-case parts such as referrals\.by_source\.<source> \(not "Caseload Start"\)/],
    ['months without the months of a return', (fw) => Object.assign(fw.figures[0]!, { months: true }), /figures\[0\]\.months: figures asked month by month need the framework's "monthsInPeriod"/],
    ['a rolling window on a stock', (fw) => Object.assign(fw.figures[0]!, { rolling: 12 }), /figures\[0\]\.rolling: a rolling window counts a flow/],
    ['months on a sum of figures not asked month by month', (fw) => Object.assign(fw, { monthsInPeriod: 3 }) && Object.assign(fw.figures.find((f) => f.id === 'outcomes.total')!, { months: true }), /figures\[\d+\]\.figures\[0\]: "outcomes\.<outcome>" is not asked month by month/],
    ['a percentage of a figure defined after it', (fw) => fw.figures.splice(0, 0, { id: 'caseload_start.share', kind: 'percentage', label: 'Share', section: 'caseload', numerator: 'caseload_start.total', base: 'referrals.total' }), /figures\[0\]\.numerator: "caseload_start\.total" must be a figure defined before this one/],
    ['a percentage of a breakdown cell with a category not in its list', (fw) => fw.figures.splice(7, 0, { id: 'referrals.police_share', kind: 'percentage', label: 'Share', section: 'referrals', numerator: 'referrals.by_source.polise', base: 'referrals.total' }), /figures\[7\]\.numerator: "polise" in "referrals\.by_source\.polise" is not a category of the breakdown's column "source"[\s\S]*Did you mean "police"\?/],
    ['a percentage of a whole breakdown', (fw) => fw.figures.splice(7, 0, { id: 'referrals.police_share', kind: 'percentage', label: 'Share', section: 'referrals', numerator: 'referrals.total', base: 'referrals.by_source.<source>' }), /figures\[7\]\.base: "referrals\.by_source\.<source>" is a breakdown: a percentage names one figure/],
    ['a duration in hours between date-only columns', (fw) => fw.figures.push({ id: 'rj.hours', kind: 'duration', label: 'Hours', section: 'rj', from: 'referral_date', to: 'exit_date', unit: 'hours', population: 'referred_in_period' }), /figures\[\d+\]\.unit: hours need a time of day on both columns/],
    ['a duration to a column that is not a date', (fw) => fw.figures.push({ id: 'rj.days', kind: 'duration', label: 'Days', section: 'rj', from: 'referral_date', to: 'contacted', unit: 'days', population: 'referred_in_period' }), /figures\[\d+\]\.to: column "contacted" is flag, expected date or datetime/],
    ['a duration over no cases', (fw) => fw.figures.push({ id: 'rj.days', kind: 'duration', label: 'Days', section: 'rj', from: 'referral_date', to: 'exit_date', unit: 'days' }), /figures\[\d+\]\.population: a duration needs the cases it is the mean over/],
    ['a duration over a missing population', (fw) => fw.figures.push({ id: 'rj.days', kind: 'duration', label: 'Days', section: 'rj', from: 'referral_date', to: 'exit_date', unit: 'days', population: 'refered' }), /figures\[\d+\]\.population: no population "refered"/],
    ['a duration asked month by month', (fw) => Object.assign(fw, { monthsInPeriod: 3 }) && fw.figures.push({ id: 'rj.days', kind: 'duration', label: 'Days', section: 'rj', from: 'referral_date', to: 'exit_date', unit: 'days', endedInPeriod: true, months: true }), /figures\[\d+\]\.months: a duration is a mean over the period, not asked month by month/],
    ['a duration in an unknown unit', (fw) => fw.figures.push({ id: 'rj.days', kind: 'duration', label: 'Days', section: 'rj', from: 'referral_date', to: 'exit_date', unit: 'fortnights', endedInPeriod: true } as never), /figures\[\d+\]\.unit/],
    ['a figure defined twice', (fw) => fw.figures.push({ ...fw.figures[0]! }), /figure "caseload_start\.total" is defined twice/],
    ["a yes/no column's answer that is the framework's no", (fw) => Object.assign(fw.columns.find((c) => c.key === 'accepted')!, { answers: { yes: ['Accepted', 'N'] } }), /columns\[\d+\]\.answers\.yes\[1\]: "N" already means no/],
    ["a yes/no column's answer given as both", (fw) => Object.assign(fw.columns.find((c) => c.key === 'accepted')!, { answers: { yes: ['Agreed'], no: ['agreed'] } }), /columns\[\d+\]\.answers\.no\[0\]: "agreed" already means yes/],
  ])('refuses %s, naming the place', (_, edit, message) => {
    const text = problems(edit);
    expect(text).toMatch(/^The framework in my-framework\.json is not valid:/);
    expect(text).toMatch(message);
  });

  it('accepts a percentage of one cell of a breakdown (one category\'s split) defined before it', () => {
    const fw = clone();
    fw.figures.splice(7, 0, { id: 'referrals.police_share', kind: 'percentage', label: 'Share', section: 'referrals', numerator: 'referrals.by_source.police', base: 'referrals.total' });
    expect(parseFramework(fw, 'copy').figures[7]).toMatchObject({ numerator: 'referrals.by_source.police' });
  });

  it('accepts the built-in framework as written', () => {
    expect(parseFramework(clone(), 'copy').figures).toHaveLength(cambridgeshire.figures.length);
  });

  it('refuses an unknown built-in framework, listing the known ones', () => {
    expect(() => builtInFramework('kent')).toThrow('There is no framework "kent". Known frameworks: cambridgeshire, lancashire, safe-spaces, staffordshire, west-midlands.');
  });
});

describe('event tables in a framework', () => {
  const events = (): FrameworkInput => JSON.parse(JSON.stringify(eventsFixture));
  const problems = (edit: (fw: FrameworkInput) => void): string => {
    const fw = events();
    edit(fw);
    try {
      parseFramework(fw, 'my-framework.json');
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected the framework to be refused');
  };
  const figure = (fw: FrameworkInput, id: string) => fw.figures.find((f) => f.id === id)! as Record<string, unknown>;
  const answeredEarly = { id: 'answered_early', severity: 'warning' as const, title: 'Answered before received', where: { answered_at: { '<': { column: 'received_at' } } }, columns: ['received_at', 'answered_at'], problem: 'the answer is before the contact', fix: 'Correct the times.' };

  it.each<[string, (fw: FrameworkInput) => void, RegExp]>([
    ['an event figure of no event table', (fw) => Object.assign(figure(fw, 'contacts.safe'), { events: 'calls' }), /figures\[3\]\.events: no event table "calls"/],
    ['an event condition on a case column', (fw) => Object.assign(figure(fw, 'contacts.safe'), { where: { gender: 'female' } }), /figures\[3\]\.where\.gender: no column "gender"/],
    ['a case condition on an event column', (fw) => Object.assign(figure(fw, 'victims.female_counselled'), { caseWhere: { channel: 'phone' } }), /figures\[5\]\.caseWhere\.channel: no column "channel"/],
    ['an event breakdown by a text column', (fw) => Object.assign(figure(fw, 'victims.by_service.<service>'), { id: 'victims.by_service.<contact_id>', by: ['contact_id'] }), /figures\[4\]\.by\[0\]: column "contact_id" is text, expected category or age/],
    ['an event table whose date is not a date column', (fw) => Object.assign(fw.events![0]!, { date: 'channel' }), /events\[0\]\.date: column "channel" is category, expected date/],
    ['an event column with no list', (fw) => Object.assign(fw.events![0]!.columns[3]!, { category: 'medium' }), /events\[0\]\.columns\[3\]\.category: no category list "medium"/],
    ['an event row check on a case column', (fw) => Object.assign(fw.events![0]!, { rowChecks: [{ ...answeredEarly, where: { gender: 'female' } }] }), /events\[0\]\.rowChecks\[0\]\.where\.gender: no column "gender"/],
    ['an event row check showing a column it lacks', (fw) => Object.assign(fw.events![0]!, { rowChecks: [{ ...answeredEarly, columns: ['received_at', 'exit_date'] }] }), /events\[0\]\.rowChecks\[0\]\.columns\[1\]: no column "exit_date"/],
  ])('refuses %s, naming the place', (_, edit, message) => {
    expect(problems(edit)).toMatch(message);
  });

  it('accepts the fixture as written', () => {
    expect(parseFramework(events(), 'events-framework.json').events).toHaveLength(1);
  });

  it('accepts an event table\'s own row checks over its columns', () => {
    const fw = events();
    Object.assign(fw.events![0]!, { rowChecks: [answeredEarly] });
    expect(parseFramework(fw, 'events-framework.json').events[0]!.rowChecks.map((c) => c.id)).toEqual(['answered_early']);
  });
});

describe('typed-in tables in a framework', () => {
  const caseStudies = { id: 'case_studies', label: 'Case studies', section: 'narrative', columns: [{ key: 'story', header: 'Story', type: 'text' }, { key: 'amount', header: 'Amount', type: 'money' }] };
  const withTable = (edit: (fw: FrameworkInput) => void) => {
    const fw = clone();
    Object.assign(fw, { tables: [JSON.parse(JSON.stringify(caseStudies))] });
    edit(fw);
    return fw;
  };
  const problems = (edit: (fw: FrameworkInput) => void): string => {
    try {
      parseFramework(withTable(edit), 'my-framework.json');
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected the framework to be refused');
  };
  const table = (fw: FrameworkInput) => (fw as { tables: Record<string, unknown>[] }).tables[0]!;
  const rule = { id: 'case_study_given', kind: 'at_least_one', severity: 'query', title: 'A case study', hint: 'Add one.', list: 'case_studies', itemLabel: 'case study' };
  const { list: _list, ...common } = rule;
  const completeRows = { ...common, id: 'case_studies_complete', kind: 'complete_rows', table: 'case_studies' };

  it.each<[string, (fw: FrameworkInput) => void, RegExp]>([
    ['a table in no section', (fw) => Object.assign(table(fw), { section: 'misc' }), /tables\[0\]\.section: no section "misc"/],
    ['a column of an unknown kind', (fw) => Object.assign((table(fw).columns as Record<string, unknown>[])[1]!, { type: 'currency' }), /tables\[0\]\.columns\[1\]\.type/],
    ['a column key used twice', (fw) => Object.assign((table(fw).columns as Record<string, unknown>[])[1]!, { key: 'story' }), /tables\[0\]\.columns\[1\]\.key: column key "story" is used twice in the table/],
    ['a table defined twice', (fw) => (fw as { tables: unknown[] }).tables.push(JSON.parse(JSON.stringify(caseStudies))), /tables\[1\]\.id: table "case_studies" is defined twice/],
    ['"at least one" of no list or table', (fw) => fw.rules!.push({ ...rule, list: 'case_study' } as never), /rules\[\d+\]\.list: no list or table "case_study"[\s\S]*Did you mean "case_studies"/],
    ['complete rows of no table', (fw) => fw.rules!.push({ ...completeRows, table: 'stories' } as never), /rules\[\d+\]\.table: no table "stories"/],
  ])('refuses %s, naming the place', (_, edit, message) => {
    expect(problems(edit)).toMatch(message);
  });

  it('accepts a table with its rules', () => {
    const fw = parseFramework(withTable((f) => f.rules!.push(rule as never, completeRows as never)), 'copy');
    expect(fw.tables.map((t) => [t.id, t.rows, t.columns.map((c) => c.optional)])).toEqual([['case_studies', undefined, [false, false]]]);
  });
});
