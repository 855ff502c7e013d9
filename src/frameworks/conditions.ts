import { z } from 'zod';

/**
 * Conditions on a row's values beyond "holds one of these categories": numbers and dates compared, the time
 * from one date(-time) column to another, and the kind of day a date falls on. Each is a test of one row's
 * values, so case rows and event rows alike can be counted by them.
 */

const key = z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _ only');

export const COMPARISON_OPERATORS = ['<', '<=', '>', '>=', '='] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/** A number, or another column of the same row (two date(-time)s: to the second when both carry a time, else by calendar day). */
const comparand = z.union([z.number(), z.strictObject({ column: key })]);

/** `{ ">=": 3 }`, `{ ">": 0, "<=": 10 }` on a whole-number column; `{ ">=": { "column": "referral_date" } }` on a date. */
export const comparisonCondition = z
  .strictObject(Object.fromEntries(COMPARISON_OPERATORS.map((op) => [op, comparand.optional()])) as Record<ComparisonOperator, z.ZodOptional<typeof comparand>>)
  .refine((c) => COMPARISON_OPERATORS.some((op) => c[op] !== undefined), { message: 'a comparison needs one of <, <=, >, >=, =' });

/** So long after another date(-time) column of the row: hours (both date-and-time columns) or calendar days. */
const gap = z
  .strictObject({ of: key, hours: z.number().positive().optional(), days: z.number().int().nonnegative().optional() });

/** At or after `of` and at most so long after it ("contacted within 48 hours of the referral"). */
export const withinCondition = z.strictObject({ within: gap });
/** More than so long after `of` ("first contact later than 3 days after referral"). */
export const laterThanCondition = z.strictObject({ later_than: gap });

/** The day a date(-time) falls on: a weekend is a Saturday, a Sunday or an England and Wales bank holiday. */
export const dayCondition = z.strictObject({ day: z.enum(['weekday', 'weekend']) });

export type ComparisonCondition = z.output<typeof comparisonCondition>;
export type Gap = z.output<typeof gap>;
export type TimingCondition = ComparisonCondition | z.output<typeof withinCondition> | z.output<typeof laterThanCondition> | z.output<typeof dayCondition>;

/** Whether a condition is one of these kinds (rather than a category, a negation or a blank test). */
export function isTimingCondition(condition: unknown): condition is TimingCondition {
  return (
    typeof condition === 'object' &&
    condition !== null &&
    !Array.isArray(condition) &&
    ('within' in condition || 'later_than' in condition || 'day' in condition || COMPARISON_OPERATORS.some((op) => op in condition))
  );
}

/** The operators a comparison sets, in a fixed order, with what each compares against. */
export function comparisonsOf(condition: ComparisonCondition): [ComparisonOperator, number | { column: string }][] {
  return COMPARISON_OPERATORS.flatMap((op) => (condition[op] === undefined ? [] : [[op, condition[op]!] as [ComparisonOperator, number | { column: string }]]));
}

const DATED = ['date', 'datetime'];

/**
 * What is wrong with a condition of these kinds on a column (of the given type), each with what would fix it;
 * `typeOf` gives another column's type, undefined when there is no such column.
 */
export function timingConditionProblems(columnType: string, condition: TimingCondition, typeOf: (key: string) => string | undefined): { message: string; fix?: string }[] {
  const problems: { message: string; fix?: string }[] = [];
  const needDated = (other: string, why: string) => {
    const type = typeOf(other);
    if (type === undefined) problems.push({ message: `no column "${other}"`, fix: 'Name a date or date-and-time column of the same table.' });
    else if (!DATED.includes(type)) problems.push({ message: `"${other}" is a ${type} column; ${why} needs a date or date-and-time column`, fix: 'Name a date or date-and-time column.' });
  };
  if ('day' in condition || 'within' in condition || 'later_than' in condition) {
    if (!DATED.includes(columnType)) problems.push({ message: `a ${'day' in condition ? 'day' : 'time'} condition tests a date or date-and-time column, not a ${columnType} column`, fix: 'Put the condition on a date or datetime column.' });
    const g = 'within' in condition ? condition.within : 'later_than' in condition ? condition.later_than : null;
    if (g) {
      if ((g.hours === undefined) === (g.days === undefined)) problems.push({ message: 'give either hours or days', fix: 'Write "hours": 48 (between two date-and-time columns) or "days": 3 (calendar days), one of them.' });
      needDated(g.of, 'a time condition');
      if (g.hours !== undefined && (columnType !== 'datetime' || (typeOf(g.of) !== undefined && typeOf(g.of) !== 'datetime')))
        problems.push({ message: 'hours need a time of day on both columns', fix: 'Make both columns datetime columns, or count in "days" (calendar days).' });
    }
    return problems;
  }
  for (const [op, against] of comparisonsOf(condition)) {
    if (typeof against === 'number') {
      if (columnType !== 'whole') problems.push({ message: `"${op} ${against}" compares a whole-number column, not a ${columnType} column`, fix: 'Compare a whole column with a number, or a date column with another date column ({ "column": … }).' });
    } else {
      if (!DATED.includes(columnType)) problems.push({ message: `only date or date-and-time columns are compared with another column, not a ${columnType} column`, fix: 'Compare with a number instead.' });
      needDated(against.column, 'a date comparison');
    }
  }
  return problems;
}

/** A condition of these kinds in words, for the framework's documentation. */
export function describeTimingCondition(name: string, condition: TimingCondition, header: (key: string) => string): string {
  const length = (g: Gap) => (g.hours !== undefined ? `${g.hours} hours` : `${g.days} days`);
  if ('day' in condition) return condition.day === 'weekend' ? `${name} falls on a Saturday, a Sunday or an England and Wales bank holiday` : `${name} falls on a weekday that is not an England and Wales bank holiday`;
  if ('within' in condition) return `${name} is within ${length(condition.within)} of ${header(condition.within.of)} (not before it)`;
  if ('later_than' in condition) return `${name} is more than ${length(condition.later_than)} after ${header(condition.later_than.of)}`;
  const words: Record<ComparisonOperator, string> = { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least', '=': 'exactly' };
  const dateWords: Record<ComparisonOperator, string> = { '<': 'before', '<=': 'on or before', '>': 'after', '>=': 'on or after', '=': 'on the same day as' };
  return comparisonsOf(condition)
    .map(([op, against]) => (typeof against === 'number' ? `${name} is ${words[op]} ${against}` : `${name} is ${dateWords[op]} ${header(against.column)}`))
    .join(' and ');
}

type Conditions = Record<string, unknown>;

/** The columns some condition asks the kind of day of: their dates must lie within the bank-holiday table. */
export function dayTestedColumns(framework: { populations: Record<string, object>; figures: object[]; rowChecks: object[] }): Set<string> {
  const holders = [...Object.values(framework.populations), ...framework.figures, ...framework.rowChecks] as { where?: Conditions; anyOf?: Conditions[] }[];
  const keys = holders.flatMap((h) => [h.where ?? {}, ...(h.anyOf ?? [])]).flatMap((where) => Object.entries(where));
  return new Set(keys.filter(([, condition]) => typeof condition === 'object' && condition !== null && 'day' in condition).map(([key]) => key));
}
