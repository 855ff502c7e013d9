import { z } from 'zod';
import { figuresOf } from './expand';
import { ruleSchema, type Rule } from './rules';
import { fixParam } from './plainIssues';
import { figureCellOf, isFigureCell } from './figureCells';
import { instancesOf, matchFigures, selectorsOf } from './selectors';
import { hasMonths, monthsTotal } from './subPeriods';
import { closest, useOneOf } from './suggest';
import { checkNarrativeTables, narrativeTableSchema } from './narrativeTables';
import { comparisonCondition, dayCondition, isTimingCondition, laterThanCondition, timingConditionProblems, withinCondition } from './conditions';

/** A framework (one commissioner's return) written as data; every framework file is parsed by this schema. */

const slug = z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _ only');
const listId = z.string().regex(/^[a-zA-Z0-9_]+$/, 'use letters, digits and _ only');

/** A figure id, possibly with `<column>` placeholders that expand over that column's categories. */
const figureIdTemplate = z
  .string()
  .regex(/^[a-z0-9_]+(\.([a-z0-9_]+|<[a-z0-9_]+>))*$/, 'a figure id is dot-separated lower-case parts such as referrals.by_source.<source>');

/** Other wordings a commissioner's own template uses for a heading or label ("Total number of victims"). */
const aliases = z.array(z.string().min(1)).default([]);

export const categorySchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  synonyms: z.array(z.string().min(1)).default([]),
  /**
   * Categories of the same list whose spelling, as a group before a detail naming this one, this one narrows:
   * other_police's ["police"] reads "Police - BTP" as Other police force, not Police (local force). A detail naming a
   * category not listed so ("Domestic abuse - Assault", "White - Other") leaves the group's reading.
   */
  refines: z.array(slug).optional(),
  /** Age bands: the ages (in whole years) the band covers; max absent means "and over". */
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
  /** Shown beside the category in the return template (an outcome's indicators and categories of need). */
  notes: z.array(z.string().min(1)).default([]),
  /** Wordings of this category's figure in commissioners' templates ("Number of victims who received ongoing support"). */
  aliases,
});

export const categoryListSchema = z.strictObject({
  label: z.string().min(1),
  /** Headings that name this list in a template ("Sexuality", "Ethnic origin"). */
  aliases,
  items: z.array(categorySchema).min(1),
  /** The bucket for blank, not-stated and unrecognised values, so breakdowns always add up to their totals. */
  unknown: slug.optional(),
});

const columnCommon = {
  key: slug,
  header: z.string().min(1),
  synonyms: z.array(z.string().min(1)).default([]),
  required: z.boolean().default(false),
};

export const columnSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...columnCommon, type: z.literal('text'), unique: z.boolean().default(false) }),
  z.strictObject({ ...columnCommon, type: z.literal('date') }),
  /** A date and a time of day ("03/04/2024 14:35"); a date alone is that day at 00:00. */
  z.strictObject({ ...columnCommon, type: z.literal('datetime') }),
  z.strictObject({
    ...columnCommon,
    type: z.literal('flag'),
    /**
     * Answers exports write in this column besides the framework's yes and no ("Declined" for support accepted,
     * "Unsuccessful" for contacted): what each means here, and nowhere else.
     */
    answers: z.strictObject({ yes: z.array(z.string().min(1)).default([]), no: z.array(z.string().min(1)).default([]) }).optional(),
  }),
  z.strictObject({ ...columnCommon, type: z.literal('whole') }),
  z.strictObject({ ...columnCommon, type: z.literal('list'), separator: z.string().min(1).default(';') }),
  z.strictObject({
    ...columnCommon,
    type: z.literal('category'),
    category: slug,
    /** Several numbered columns (header "Outcome #" → Outcome 1 … Outcome n) holding one set of categories. */
    repeat: z.number().int().min(2).max(20).optional(),
  }),
  z.strictObject({
    ...columnCommon,
    type: z.literal('age'),
    category: slug,
    /** The date column a date of birth is measured against. */
    asOf: slug,
  }),
]);

export const flagValue = z.enum(['yes', 'no', 'unknown']);

/** A flag value, or one of several categories. */
const oneOf = z.union([flagValue, slug, z.array(slug).min(1)]);

/**
 * Conditions on a case, all of which hold: a column has a value (or one of several), has none of them
 * (`{ "not": … }`), or is blank (`{ "blank": true }`: no category recorded at all); or a number or date compared,
 * a time since another column, or a kind of day (conditions.ts).
 */
const whereSchema = z.record(
  slug,
  z.union([oneOf, z.strictObject({ not: oneOf }), z.strictObject({ blank: z.boolean() }), withinCondition, laterThanCondition, dayCondition, comparisonCondition]),
);

export const windowSchema = z.enum(['referred_in_period', 'open_at_start', 'active', 'exited_in_period', 'open_at_end']);

export const populationSchema = z.strictObject({
  label: z.string().min(1),
  /** Date windows a case must be in, all of them. */
  windows: z.array(windowSchema).min(1),
  where: whereSchema.default({}),
  /** Alternatives, at least one of which holds besides `where` (a victim who disengaged, or declined the first offer). */
  anyOf: z.array(whereSchema).min(2).optional(),
});

/**
 * How a figure combines across providers' returns for the same period (returns aggregate). Absent: a count
 * or sum of case rows adds up; any other figure is left blank, as its meaning does not say how it combines.
 */
export const combineSchema = z.discriminatedUnion('method', [
  /** The providers' figures add up (counts; an average over the period's days, whose daily counts add up). */
  z.strictObject({ method: z.literal('sum') }),
  /** A mean: each provider's weighted by its base, another figure of the return (`<column>` placeholders as the figure's). */
  z.strictObject({ method: z.literal('weighted_mean'), weight: figureIdTemplate }),
  /** Cannot be worked out from the providers' figures: the total is left blank, saying why. */
  z.strictObject({ method: z.literal('none'), why: z.string().min(1) }),
]);

const figureCommon = {
  id: figureIdTemplate,
  combine: combineSchema.optional(),
  label: z.string().min(1),
  section: slug,
  /** A short explanation in the commissioner's words, shown beside the figure. */
  help: z.string().optional(),
  /** The heading of a breakdown's table in the return ("New referrals by source"). */
  groupLabel: z.string().min(1).optional(),
  /** Wordings of this figure (or of a breakdown's heading) in commissioners' templates, for mapping them. */
  aliases,
  /** Asked month by month (`<id>.m1` … plus the period value); absent: as the figure's section says. */
  months: z.boolean().optional(),
  /** Also counted over this many months to the period's end (`<id>.last_12_months`): a rolling window. */
  rolling: z.number().int().min(2).max(36).optional(),
};

/** A figure over an event table's rows: conditions on and a breakdown by the event table's columns. */
const eventFigureCommon = {
  ...figureCommon,
  events: slug,
  where: whereSchema.default({}),
  anyOf: z.array(whereSchema).min(2).optional(),
  by: z.array(slug).default([]),
};

export const figureSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...figureCommon,
    kind: z.literal('count'),
    population: slug,
    where: whereSchema.default({}),
    anyOf: z.array(whereSchema).min(2).optional(),
    /** Category columns the count is broken down by; each needs a `<column>` placeholder in the id. */
    by: z.array(slug).default([]),
  }),
  z.strictObject({ ...figureCommon, kind: z.literal('sum'), population: slug, column: slug }),
  z.strictObject({ ...figureCommon, kind: z.literal('sum_of'), figures: z.array(figureIdTemplate).min(1) }),
  /**
   * A percentage, 100 × numerator ÷ base, both figures of the return defined before it (a whole figure, or one cell
   * of a breakdown: `contact.vulnerable.by_service.nest`, one service's split), stated to one decimal and
   * shown with its base; blank when the base is 0. Asked month by month, each month's is its months' figures'.
   */
  z.strictObject({ ...figureCommon, kind: z.literal('percentage'), numerator: figureIdTemplate, base: figureIdTemplate }),
  /** A figure the provider types in (survey results, website visits): not computed from case rows. */
  z.strictObject({
    ...figureCommon,
    kind: z.literal('input'),
    /** The provider may type N/A ("Not applicable"): kept apart from a blank (missing) and from 0. */
    notApplicable: z.boolean().default(false),
    /** A money amount: "£1,234.50", "1234.5" and "75p" are read as pounds. */
    money: z.boolean().default(false),
  }),
  /** Rows of an event table (contacts, service deliveries) dated in the period, meeting `where`, of the framework's cases. */
  z.strictObject({ ...eventFigureCommon, kind: z.literal('event_count') }),
  /**
   * Cases with at least one such event in the period (a victim with two counselling sessions counts once), of a
   * case population and meeting the case conditions `caseWhere`.
   */
  z.strictObject({
    ...eventFigureCommon,
    kind: z.literal('event_cases'),
    population: slug.optional(),
    caseWhere: whereSchema.default({}),
  }),
  /**
   * The mean time from one date(-time) column to another (`from` → `to`) over the cases a population and
   * conditions select, or (`endedInPeriod`) those whose `to` falls in the period: hours between two date-times,
   * calendar days, or weeks (calendar days ÷ 7). A case with either blank, or `to` before `from`, is left out
   * (the latter reported as a row issue). 2 decimals; blank when no case counts.
   */
  z.strictObject({
    ...figureCommon,
    kind: z.literal('duration'),
    from: slug,
    to: slug,
    unit: z.enum(['hours', 'days', 'weeks']),
    population: slug.optional(),
    endedInPeriod: z.boolean().default(false),
    where: whereSchema.default({}),
    anyOf: z.array(whereSchema).min(2).optional(),
  }),
  z.strictObject({
    ...figureCommon,
    kind: z.literal('waiting_average_number'),
    start: slug,
    end: slug,
  }),
  z.strictObject({
    ...figureCommon,
    kind: z.literal('waiting_average_days'),
    start: slug,
    end: slug,
  }),
]);

export const listSchema = z.strictObject({
  id: listId,
  label: z.string().min(1),
  kind: z.enum(['names', 'texts']),
  column: slug,
  population: slug,
  maxWords: z.number().int().positive().optional(),
});

export const narrativeSchema = z.strictObject({
  id: figureIdTemplate,
  label: z.string().min(1),
  section: slug,
  kind: z.enum(['text', 'number']),
});

/**
 * A check of one case row for values that contradict each other: the conditions (as a figure's) that make the
 * row a problem, the columns to show, and what the problem is and what to do in the provider's words.
 */
export const rowCheckSchema = z.strictObject({
  id: slug,
  severity: z.enum(['error', 'warning']),
  title: z.string().min(1),
  where: whereSchema.default({}),
  anyOf: z.array(whereSchema).min(2).optional(),
  columns: z.array(slug).min(1),
  /** What is wrong, and how the row is counted all the same (a contradiction is reported, never repaired). */
  problem: z.string().min(1).regex(/[^.\s]\s*$/, 'the problem is a clause the row issue ends with its own full stop: leave the final "." out'),
  fix: z.string().min(1),
});

const rateSelector = z.string().regex(/^[a-z0-9_*]+(\.[a-z0-9_*]+)*$/, 'a figure id or pattern such as demographics.gender.*');

/**
 * A rate the commissioner compares across providers (returns aggregate): the numerator's figures over the
 * denominator's, per provider; one far from the other providers' is queried.
 */
export const rateSchema = z.object({
  id: slug,
  label: z.string().min(1),
  numerator: z.union([rateSelector, z.array(rateSelector).min(1)]),
  denominator: z.union([rateSelector, z.array(rateSelector).min(1)]),
  /** Shown as a percentage, or as so many per one of the denominator (outcomes per exit). */
  unit: z.enum(['percent', 'per']).default('percent'),
  /** A provider whose denominator is below this is not compared: its rate moves too much to mean anything. */
  minBase: z.number().int().nonnegative().default(0),
});

/** What a version of the return changed, so a return filled from an earlier template is read knowing it. */
export const changeSchema = z.strictObject({
  version: z.string().min(1),
  summary: z.string().min(1),
  /** Figures (selectors) whose meaning changed. */
  changed: z.array(z.string().min(1)).default([]),
  /** Figures the version added: an earlier template has no cell for them. */
  added: z.array(figureIdTemplate).default([]),
});

/**
 * A target the commissioner sets for a figure, or for a rate (a figure as a share of another: Lancashire's
 * engagement rate of 20–25 %). A rate on a base under `minBase` is too small to judge and is not judged.
 */
export const targetSchema = z
  .strictObject({
    id: slug,
    label: z.string().min(1),
    /** The figure measured, or the rate's numerator. */
    figure: z.string().min(1),
    /** The rate's denominator: the target is then a share (0.2 = 20 %). */
    of: z.string().min(1).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    minBase: z.number().int().nonnegative().default(0),
    /** Where the commissioner sets the target, in their words. */
    source: z.string().min(1).optional(),
  })
  .refine((t) => t.min !== undefined || t.max !== undefined, { message: 'a target needs a min, a max or both' })
  .refine((t) => t.min === undefined || t.max === undefined || t.min <= t.max, { message: 'a target\'s min is above its max' });

/**
 * A kind of service the return is made by (a victim and witness hub, a restorative justice service). Figures a
 * profile names are asked only of services with that profile; every other figure is asked of all of them.
 */
export const profileSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters and digits, words joined by -'),
  label: z.string().min(1),
  /** Figures (selectors) asked only of this profile's services. */
  figures: z.array(z.string().min(1)).default([]),
});

/**
 * A second table of rows, each an event of a case (a contact, a service delivered, a referral made), joined to
 * the cases by Case ID; a case can have many. Its columns are read as the case columns are.
 */
export const eventTableSchema = z.strictObject({
  id: slug,
  label: z.string().min(1),
  columns: z.array(columnSchema).min(1),
  /** The column holding the Case ID of the event's case. */
  caseId: slug,
  /** The column holding the event's date: the period's events are those dated in it. */
  date: slug,
  /** A column identifying each event: a row repeating an earlier one's is a duplicate, counted nowhere. */
  eventId: slug.optional(),
  /** Rows whose values contradict each other (a contact answered before it was received), over this table's columns. */
  rowChecks: z.array(rowCheckSchema).default([]),
});

const frameworkObject = z.strictObject({
  /** The framework's name on the command line and in a filled return ("cambridgeshire", "safe-spaces"). */
  id: z.string().regex(/^[a-z0-9]+([-_][a-z0-9]+)*$/, 'use lower-case letters and digits, words joined by - or _'),
  version: z.string().min(1),
  /** Versions after the first, oldest first. */
  changes: z.array(changeSchema).default([]),
  title: z.string().min(1),
  /** How many months a return covers, when figures are asked month by month (3 for a quarter). */
  monthsInPeriod: z.number().int().min(2).max(12).optional(),
  commissioner: z.string().min(1),
  /** Sections in the order of the return; each on the named worksheet of the template. */
  sections: z
    .array(z.strictObject({ id: slug, label: z.string().min(1), sheet: z.string().min(1).max(31).regex(/^[^[\]:*?/\\]+$/, 'a worksheet name'), aliases, /** Every figure of the section asked month by month. */ months: z.boolean().default(false) }))
    .min(1),
  /** Abbreviations commissioners write in templates, and what they stand for ("MH": "mental health"). */
  abbreviations: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** Words that put a category value in its list's not-stated bucket. */
  notStated: z.array(z.string().min(1)).min(1),
  /** Spellings of a flag; blank or an `unknown` word is unknown, which is never counted as no. */
  flags: z.strictObject({
    yes: z.array(z.string().min(1)).min(1),
    no: z.array(z.string().min(1)).min(1),
    unknown: z.array(z.string().min(1)).default([]),
  }),
  categories: z.record(slug, categoryListSchema),
  columns: z.array(columnSchema).min(1),
  caseId: slug,
  caseDates: z.strictObject({ referral: slug, exit: slug }),
  populations: z.record(slug, populationSchema),
  /** Tables of event rows joined to the cases by Case ID (contacts, service deliveries). */
  events: z.array(eventTableSchema).default([]),
  figures: z.array(figureSchema).min(1),
  lists: z.array(listSchema).default([]),
  narratives: z.array(narrativeSchema).default([]),
  /** Tables the provider types rows into (case studies, grants paid). */
  tables: z.array(narrativeTableSchema).default([]),
  rules: z.array(ruleSchema).default([]),
  rowChecks: z.array(rowCheckSchema).default([]),
  targets: z.array(targetSchema).default([]),
  rates: z.array(rateSchema).default([]),
  /** Service profiles, the default first; none means every figure is asked of every service. */
  profiles: z.array(profileSchema).default([]),
});

export const frameworkSchema = frameworkObject.superRefine((fw, ctx) => checkReferences(fw, ctx));

export type FrameworkInput = z.input<typeof frameworkSchema>;
export type Framework = z.output<typeof frameworkSchema>;
export type Column = z.output<typeof columnSchema>;
export type CategoryColumn = Extract<Column, { type: 'category' | 'age' }>;
export type CategoryList = z.output<typeof categoryListSchema>;
export type Category = z.output<typeof categorySchema>;
export type Population = z.output<typeof populationSchema>;
export type FigureTemplate = z.output<typeof figureSchema>;
export type CountTemplate = Extract<FigureTemplate, { kind: 'count' }>;
export type FlagValue = z.output<typeof flagValue>;
export type Where = z.output<typeof whereSchema>;
export type Window = z.output<typeof windowSchema>;
export type ListSpec = z.output<typeof listSchema>;
export type RowCheck = z.output<typeof rowCheckSchema>;
export type Change = z.output<typeof changeSchema>;
export type Target = z.output<typeof targetSchema>;
export type Combine = z.output<typeof combineSchema>;
export type Rate = z.output<typeof rateSchema>;
export type Profile = z.output<typeof profileSchema>;
export type EventTable = z.output<typeof eventTableSchema>;
export type EventTemplate = Extract<FigureTemplate, { kind: 'event_count' | 'event_cases' }>;
export type DurationTemplate = Extract<FigureTemplate, { kind: 'duration' }>;

/** Reports a problem at a JSON path, with what would fix it when that can be said. */
type Fail = (path: (string | number)[], message: string, fix?: string) => void;


/** Cross-references a JSON schema cannot express: every named column, list, population and placeholder exists. */
/** A flag column's own answers: each means one thing, and none is a yes, no or not-known word of the framework's meaning the other. */
function checkAnswers(fw: z.output<typeof frameworkObject>, answers: { yes: string[]; no: string[] }, path: (string | number)[], fail: Fail): void {
  const key = (word: string) => word.trim().toLowerCase();
  const meaning = new Map<string, string>();
  for (const value of ['yes', 'no', 'unknown'] as const) for (const word of fw.flags[value]) meaning.set(key(word), value);
  for (const value of ['yes', 'no'] as const)
    answers[value].forEach((word, j) => {
      const already = meaning.get(key(word));
      if (already !== undefined && already !== value) fail([...path, value, j], `"${word}" already means ${already}`, 'Remove it: a column\'s answers add words, they cannot change what the framework\'s yes/no words mean.');
      meaning.set(key(word), value);
    });
}

function checkReferences(fw: z.output<typeof frameworkObject>, ctx: z.RefinementCtx): void {
  const columns = new Map(fw.columns.map((c) => [c.key, c]));
  const fail: Fail = (path, message, fix) => ctx.addIssue({ code: 'custom', path, message, ...fixParam(fix) });
  const listIds = Object.keys(fw.categories);

  const seenKeys = new Set<string>();
  fw.columns.forEach((c, i) => {
    if (seenKeys.has(c.key)) fail(['columns', i, 'key'], `column key "${c.key}" is used twice`, 'Give each column its own key.');
    seenKeys.add(c.key);
    if (c.type === 'flag' && c.answers) checkAnswers(fw, c.answers, ['columns', i, 'answers'], fail);
    if ((c.type === 'category' || c.type === 'age') && !fw.categories[c.category])
      fail(['columns', i, 'category'], `no category list "${c.category}"`, useOneOf(c.category, listIds, 'category lists in "categories"'));
    if (c.type === 'age') {
      const asOf = columns.get(c.asOf);
      if (asOf?.type !== 'date') fail(['columns', i, 'asOf'], `"${c.asOf}" is not a date column`, useOneOf(c.asOf, fw.columns.filter((d) => d.type === 'date').map((d) => d.key), 'date columns'));
      const bands = fw.categories[c.category];
      bands?.items.forEach((b, j) => {
        if (b.id !== bands.unknown && b.min === undefined)
          fail(['categories', c.category, 'items', j, 'min'], `age band "${b.id}" needs a min age`, 'Add "min": the youngest age in the band, in whole years.');
      });
    }
  });
  for (const [listIdName, list] of Object.entries(fw.categories)) {
    if (list.unknown && !list.items.some((i) => i.id === list.unknown))
      fail(['categories', listIdName, 'unknown'], `"${list.unknown}" is not one of the list's items`, useOneOf(list.unknown, list.items.map((i) => i.id), 'item ids of the list'));
    list.items.forEach((item, j) =>
      item.refines?.forEach((id, k) => {
        if (id === item.id || id === list.unknown || !list.items.some((i) => i.id === id))
          fail(['categories', listIdName, 'items', j, 'refines', k], `"${id}" is not another category of the list`, useOneOf(id, list.items.filter((i) => i.id !== item.id && i.id !== list.unknown).map((i) => i.id), 'other item ids of the list'));
      }),
    );
  }

  const needColumn = (path: (string | number)[], key: string, types?: Column['type'][], within = columns) => {
    const col = within.get(key);
    if (!col) fail(path, `no column "${key}"`, useOneOf(key, [...within.keys()].filter((k) => !types || types.includes(within.get(k)!.type)), `${types ? `${types.join(' or ')} ` : ''}column keys`));
    else if (types && !types.includes(col.type)) fail(path, `column "${key}" is ${col.type}, expected ${types.join(' or ')}`, `Name a ${types.join(' or ')} column.`);
  };
  const checkWhere = (path: (string | number)[], where: Where, within = columns) => {
    for (const [key, condition] of Object.entries(where)) {
      const col = within.get(key);
      if (!col) {
        fail([...path, key], `no column "${key}"`, useOneOf(key, [...within.keys()], 'column keys'));
        continue;
      }
      if (isTimingCondition(condition)) {
        for (const p of timingConditionProblems(col.type, condition, (k) => within.get(k)?.type)) fail([...path, key], p.message, p.fix);
        continue;
      }
      if (typeof condition === 'object' && 'blank' in condition) {
        if (col.type === 'flag') fail([...path, key], 'a blank flag is "unknown": write "unknown" instead of blank');
        else if ((col.type === 'category' || col.type === 'age') && fw.categories[col.category]?.unknown)
          fail([...path, key], `"${key}" is never blank: blank values go to its "${fw.categories[col.category]!.unknown}" category`);
        else if (col.type === 'list') fail([...path, key], `conditions cannot test the list column "${key}"`);
        continue;
      }
      if (col.type !== 'flag' && col.type !== 'category' && col.type !== 'age') {
        fail([...path, key], `conditions can only test flag or category columns, or whether a column is blank, not the value of "${key}"`);
        continue;
      }
      const negated = typeof condition === 'object' && !Array.isArray(condition);
      const value = negated ? condition.not : condition;
      const values = Array.isArray(value) ? value : [value];
      if (col.type === 'flag') {
        if (!values.every((v) => flagValue.safeParse(v).success)) fail([...path, key], 'a flag condition is yes, no or unknown');
        continue;
      }
      const ids = new Set(fw.categories[col.category]?.items.map((i) => i.id));
      for (const v of values) if (!ids.has(v)) fail([...path, key], `"${v}" is not a category of "${col.category}"`, useOneOf(v, [...ids], `categories of "${col.category}"`));
    }
  };
  const checkAnyOf = (path: (string | number)[], anyOf: Where[] | undefined, within = columns) =>
    anyOf?.forEach((where, i) => checkWhere([...path, i], where, within));

  needColumn(['caseId'], fw.caseId, ['text']);
  // A case's dates may carry a time of day (a referral received at 14:35); windows compare their days.
  needColumn(['caseDates', 'referral'], fw.caseDates.referral, ['date', 'datetime']);
  needColumn(['caseDates', 'exit'], fw.caseDates.exit, ['date', 'datetime']);
  const eventColumns = checkEventTables(fw, fail, (path, key, types, within) => needColumn(path, key, types, within));
  for (const [name, pop] of Object.entries(fw.populations)) {
    checkWhere(['populations', name, 'where'], pop.where);
    checkAnyOf(['populations', name, 'anyOf'], pop.anyOf);
  }

  const sectionIds = new Set(fw.sections.map((s) => s.id));
  const templateIds = new Set<string>();
  fw.figures.forEach((f, i) => {
    const path = ['figures', i];
    if (templateIds.has(f.id)) fail([...path, 'id'], `figure "${f.id}" is defined twice`, 'Give each figure its own id, or remove the second one.');
    if (!sectionIds.has(f.section)) fail([...path, 'section'], `no section "${f.section}"`, useOneOf(f.section, [...sectionIds], 'section ids'));
    const placeholders = [...f.id.matchAll(/<([a-z0-9_]+)>/g)].map((m) => m[1] ?? '');
    const by = f.kind === 'count' || f.kind === 'event_count' || f.kind === 'event_cases' ? f.by : [];
    if (placeholders.join() !== by.join()) fail([...path, 'id'], `placeholders in "${f.id}" must be the "by" columns in order`, `Write one <column> placeholder in the id for each column of "by", in the same order${by.length ? ` (${by.map((b) => `<${b}>`).join(', ')})` : ', or remove the placeholders'}.`);
    if (f.kind === 'count' || f.kind === 'sum') {
      if (!fw.populations[f.population]) fail([...path, 'population'], `no population "${f.population}"`, useOneOf(f.population, Object.keys(fw.populations), 'populations'));
    }
    if (f.kind === 'count') {
      checkWhere([...path, 'where'], f.where);
      checkAnyOf([...path, 'anyOf'], f.anyOf);
      f.by.forEach((key, j) => needColumn([...path, 'by', j], key, ['category', 'age']));
    }
    if (f.kind === 'event_count' || f.kind === 'event_cases') {
      const within = eventColumns.get(f.events);
      if (!within) fail([...path, 'events'], `no event table "${f.events}"`, useOneOf(f.events, [...eventColumns.keys()], 'event table ids in "events"'));
      else {
        checkWhere([...path, 'where'], f.where, within);
        checkAnyOf([...path, 'anyOf'], f.anyOf, within);
        f.by.forEach((key, j) => needColumn([...path, 'by', j], key, ['category', 'age'], within));
      }
    }
    if (f.kind === 'event_cases') {
      if (f.population !== undefined && !fw.populations[f.population]) fail([...path, 'population'], `no population "${f.population}"`, useOneOf(f.population, Object.keys(fw.populations), 'populations'));
      checkWhere([...path, 'caseWhere'], f.caseWhere);
    }
    if (f.kind === 'sum') needColumn([...path, 'column'], f.column, ['whole']);
    if (f.kind === 'sum_of')
      f.figures.forEach((t, j) => {
        if (!templateIds.has(t)) fail([...path, 'figures', j], `"${t}" must be a figure defined before this one`, useOneOf(t, [...templateIds], 'figures defined above'));
      });
    if (f.kind === 'percentage')
      (['numerator', 'base'] as const).forEach((side) => {
        const cell = figureCellOf(f[side], fw.figures.slice(0, i), fw);
        if (!isFigureCell(cell)) fail([...path, side], cell.message, cell.fix);
      });
    if (f.kind === 'duration') {
      needColumn([...path, 'from'], f.from, ['date', 'datetime']);
      needColumn([...path, 'to'], f.to, ['date', 'datetime']);
      if (f.unit === 'hours' && [f.from, f.to].some((k) => columns.get(k)?.type === 'date')) fail([...path, 'unit'], 'hours need a time of day on both columns', 'Make "from" and "to" datetime columns, or count in "days" or "weeks".');
      if (f.from === f.to) fail([...path, 'to'], `"to" is the same column as "from"`, 'Name the column the time is measured to (first contact, say).');
      if (f.population !== undefined && !fw.populations[f.population]) fail([...path, 'population'], `no population "${f.population}"`, useOneOf(f.population, Object.keys(fw.populations), 'populations'));
      if (f.population === undefined && !f.endedInPeriod) fail([...path, 'population'], 'a duration needs the cases it is the mean over', 'Name a population (the cases referred in the period, say), or write "endedInPeriod": true for the cases whose "to" falls in the period.');
      checkWhere([...path, 'where'], f.where);
      checkAnyOf([...path, 'anyOf'], f.anyOf);
    }
    if (f.kind === 'waiting_average_number' || f.kind === 'waiting_average_days') {
      needColumn([...path, 'start'], f.start, ['date']);
      needColumn([...path, 'end'], f.end, ['date']);
    }
    templateIds.add(f.id);
  });
  checkMonths(fw, fail);
  fw.lists.forEach((l, i) => {
    needColumn(['lists', i, 'column'], l.column, l.kind === 'names' ? ['list'] : ['text']);
    if (!fw.populations[l.population]) fail(['lists', i, 'population'], `no population "${l.population}"`, useOneOf(l.population, Object.keys(fw.populations), 'populations'));
  });
  const checkRowChecks = (path: (string | number)[], checks: RowCheck[], within = columns) =>
    checks.forEach((check, i) => {
      checkWhere([...path, i, 'where'], check.where, within);
      checkAnyOf([...path, i, 'anyOf'], check.anyOf, within);
      check.columns.forEach((key, j) => needColumn([...path, i, 'columns', j], key, undefined, within));
    });
  checkRowChecks(['rowChecks'], fw.rowChecks);
  fw.events.forEach((table, i) => {
    const within = eventColumns.get(table.id);
    if (within) checkRowChecks(['events', i, 'rowChecks'], table.rowChecks, within);
  });
  fw.narratives.forEach((n, i) => {
    if (!sectionIds.has(n.section)) fail(['narratives', i, 'section'], `no section "${n.section}"`, useOneOf(n.section, [...sectionIds], 'section ids'));
  });
  checkNarrativeTables(fw, fail);
  let figureIds: string[];
  try {
    figureIds = figuresOf(fw).map((f) => f.id);
  } catch {
    return; // the figure problems are reported above
  }
  checkRules(fw, figureIds, fail);
  checkChanges(fw, figureIds, fail);
  checkTargets(fw, figureIds, fail);
  checkProfiles(fw, figureIds, fail);
  checkCombining(fw, figureIds, fail);
}

/** Figures asked month by month, or over a rolling window, are of kinds and shapes that can be. */
function checkMonths(fw: z.output<typeof frameworkObject>, fail: Fail): void {
  const monthly = new Set<string>();
  fw.figures.forEach((f, i) => {
    const path = ['figures', i];
    const months = hasMonths(f, fw) && f.kind !== 'waiting_average_number' && f.kind !== 'waiting_average_days' && f.kind !== 'duration';
    if (f.months && f.kind === 'duration') fail([...path, 'months'], 'a duration is a mean over the period, not asked month by month', 'Remove "months".');
    if (f.months && (f.kind === 'waiting_average_number' || f.kind === 'waiting_average_days')) fail([...path, 'months'], 'a waiting-list average is not asked month by month', 'Remove "months".');
    if (months && fw.monthsInPeriod === undefined) fail([...path, 'months'], 'figures asked month by month need the framework\'s "monthsInPeriod"', 'Add "monthsInPeriod" to the framework: the number of months a return covers (3 for a quarter).');
    if (months && f.kind === 'count' && f.by.length > 1) fail([...path, 'months'], 'a breakdown by two columns is not asked month by month', 'Remove "months", or break the figure down by one column.');
    if (months && f.kind === 'percentage')
      (['numerator', 'base'] as const).forEach((side) => {
        const cell = figureCellOf(f[side], fw.figures.slice(0, i), fw);
        if (isFigureCell(cell) && !monthly.has(cell.template.id)) fail([...path, side], `"${f[side]}" is not asked month by month, so there is no month's ${side} to divide`, `Ask "${f[side]}" month by month too ("months": true), or remove "months" from this one.`);
      });
    if (months && f.kind === 'sum_of')
      f.figures.forEach((part, j) => {
        if (!monthly.has(part)) fail([...path, 'figures', j], `"${part}" is not asked month by month, so its months cannot be added up`, 'Ask every figure added up month by month too ("months": true), or remove "months" from this one.');
      });
    if (months) monthly.add(f.id);
    if (f.rolling !== undefined && f.kind === 'count' && f.by.length > 1) fail([...path, 'rolling'], 'a breakdown by two columns has no rolling window', 'Remove "rolling", or break the figure down by one column.');
    if (f.rolling !== undefined && !((f.kind === 'count' || f.kind === 'sum') && monthsTotal(f, fw) === 'sum'))
      fail([...path, 'rolling'], 'a rolling window counts a flow: a count or sum over one population window, referred_in_period or exited_in_period', 'Remove "rolling", or count cases referred (or exited) in the period.');
  });
}

/**
 * Each event table's id is its own, its column keys are its own, and its Case ID, date and event ID name columns
 * of the right type; its category columns name lists. Returns each table's columns, for its figures' conditions.
 */
function checkEventTables(
  fw: z.output<typeof frameworkObject>,
  fail: Fail,
  needColumn: (path: (string | number)[], key: string, types: Column['type'][], within: Map<string, Column>) => void,
): Map<string, Map<string, Column>> {
  const tables = new Map<string, Map<string, Column>>();
  fw.events.forEach((table, i) => {
    if (tables.has(table.id)) fail(['events', i, 'id'], `event table "${table.id}" is defined twice`, 'Give each event table its own id.');
    const columns = new Map<string, Column>();
    table.columns.forEach((c, j) => {
      if (columns.has(c.key)) fail(['events', i, 'columns', j, 'key'], `column key "${c.key}" is used twice in the event table`, 'Give each column its own key.');
      columns.set(c.key, c);
      if (c.type === 'flag' && c.answers) checkAnswers(fw, c.answers, ['columns', i, 'answers'], fail);
    if ((c.type === 'category' || c.type === 'age') && !fw.categories[c.category])
        fail(['events', i, 'columns', j, 'category'], `no category list "${c.category}"`, useOneOf(c.category, Object.keys(fw.categories), 'category lists in "categories"'));
      if (c.type === 'age') fail(['events', i, 'columns', j, 'type'], 'an event table has no age columns: ages belong to the case', 'Put the age column in the case columns.');
    });
    needColumn(['events', i, 'caseId'], table.caseId, ['text'], columns);
    needColumn(['events', i, 'date'], table.date, ['date', 'datetime'], columns);
    if (table.eventId !== undefined) needColumn(['events', i, 'eventId'], table.eventId, ['text'], columns);
    tables.set(table.id, columns);
  });
  return tables;
}

/** Each weighted mean's weight, and each rate's figures, exist. */
function checkCombining(fw: z.output<typeof frameworkObject>, figureIds: string[], fail: Fail): void {
  const figures = figuresOf(fw);
  fw.figures.forEach((template, i) => {
    if (template.combine?.method !== 'weighted_mean') return;
    const missing = figures.filter((f) => f.template === template).map((f) => weightOf(template.combine as { weight: string }, f.categories)).filter((id) => !figureIds.includes(id));
    if (missing.length) fail(['figures', i, 'combine', 'weight'], `"${missing[0]}" is not a figure`, unknownFigureFix(missing[0]!, figureIds));
  });
  fw.rates.forEach((rate, i) => {
    for (const side of ['numerator', 'denominator'] as const)
      for (const selector of [rate[side]].flat()) if (matchFigures(selector, figureIds).length === 0) fail(['rates', i, side], `"${selector}" names no figure`, unknownFigureFix(selector, figureIds));
  });
}

/** The weight of one concrete figure of a weighted mean: its placeholders filled with the figure's categories. */
export function weightOf(combine: { weight: string }, categories: Record<string, string>): string {
  return combine.weight.replace(/<([a-z0-9_]+)>/g, (whole, column: string) => categories[column] ?? whole);
}

/** Each target names figures of the return, once. */
function checkTargets(fw: z.output<typeof frameworkObject>, figureIds: string[], fail: Fail): void {
  const ids = new Set(figureIds);
  const seen = new Set<string>();
  fw.targets.forEach((target, i) => {
    if (seen.has(target.id)) fail(['targets', i, 'id'], `target "${target.id}" is defined twice`, 'Give each target its own id.');
    seen.add(target.id);
    if (!ids.has(target.figure)) fail(['targets', i, 'figure'], `"${target.figure}" is not a figure`, unknownFigureFix(target.figure, figureIds));
    if (target.of !== undefined && !ids.has(target.of)) fail(['targets', i, 'of'], `"${target.of}" is not a figure`, unknownFigureFix(target.of, figureIds));
  });
}

/** Profile ids are unique and each figure a profile names exists. */
function checkProfiles(fw: z.output<typeof frameworkObject>, figureIds: string[], fail: Fail): void {
  const seen = new Set<string>();
  fw.profiles.forEach((profile, i) => {
    if (seen.has(profile.id)) fail(['profiles', i, 'id'], `profile "${profile.id}" is defined twice`, 'Give each profile its own id.');
    seen.add(profile.id);
    profile.figures.forEach((selector, j) => {
      if (matchFigures(selector, figureIds).length === 0) fail(['profiles', i, 'figures', j], `"${selector}" names no figure`, unknownFigureFix(selector, figureIds));
    });
  });
}

/** Each version's changed and added figures exist in the current return. */
function checkChanges(fw: z.output<typeof frameworkObject>, figureIds: string[], fail: Fail): void {
  fw.changes.forEach((change, i) => {
    change.changed.forEach((selector, j) => {
      if (matchFigures(selector, figureIds).length === 0) fail(['changes', i, 'changed', j], `"${selector}" names no figure`, unknownFigureFix(selector, figureIds));
    });
    change.added.forEach((id, j) => {
      if (!figureIds.includes(id)) fail(['changes', i, 'added', j], `"${id}" is not a figure`, unknownFigureFix(id, figureIds));
    });
  });
}

/** Every rule's figures exist (after its `each` values and category placeholders are filled in). */
function checkRules(fw: z.output<typeof frameworkObject>, figureIds: string[], fail: Fail): void {
  const ids = new Set<string>();
  fw.rules.forEach((rule, i) => {
    if (ids.has(rule.id)) fail(['rules', i, 'id'], `rule "${rule.id}" is defined twice`, 'Give each rule its own id, or remove the second one.');
    ids.add(rule.id);
    if ((rule.kind === 'text_length' || rule.kind === 'identifying_text') && !fw.lists.some((l) => l.id === rule.list)) fail(['rules', i, 'list'], `no list "${rule.list}"`, useOneOf(rule.list, fw.lists.map((l) => l.id), 'lists'));
    // "At least one" counts a list's entries or a table's rows.
    if (rule.kind === 'at_least_one' && ![...fw.lists, ...fw.tables].some((l) => l.id === rule.list)) fail(['rules', i, 'list'], `no list or table "${rule.list}"`, useOneOf(rule.list, [...fw.lists, ...fw.tables].map((l) => l.id), 'lists and tables'));
    if (rule.kind === 'complete_rows' && !fw.tables.some((t) => t.id === rule.table)) fail(['rules', i, 'table'], `no table "${rule.table}"`, useOneOf(rule.table, fw.tables.map((t) => t.id), 'tables'));
    let instances: Rule[];
    try {
      instances = instancesOf(rule, fw);
    } catch (e) {
      fail(['rules', i], (e as Error).message);
      return;
    }
    const reported = new Set<string>();
    for (const instance of instances)
      for (const selector of selectorsOf(instance))
        if (matchFigures(selector, figureIds).length === 0 && !reported.has(selector)) {
          reported.add(selector);
          fail(['rules', i, ...fieldOf(instance, selector)], `"${selector}" names no figure`, unknownFigureFix(selector, figureIds));
        }
  });
}

/** Where in a rule a selector is written (its field, and its place in a list), so the message points at it. */
function fieldOf(rule: Rule, selector: string): (string | number)[] {
  for (const [key, value] of Object.entries(rule)) {
    if (value === selector) return [key];
    if (Array.isArray(value)) {
      const index = value.findIndex((v) => v === selector || (key === 'equals' && typeof v === 'string' && v.slice(1) === selector));
      if (index >= 0) return [key, index];
    }
  }
  return [];
}

function unknownFigureFix(selector: string, figureIds: string[]): string {
  const near = closest(selector, figureIds);
  return near
    ? `Did you mean "${near}"?`
    : 'Check it against the figure ids of this framework (each figure\'s id, with <column> filled in by each category); * stands for one part of an id, ** for several.';
}
