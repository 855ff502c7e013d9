import { z } from 'zod';

/**
 * Rules as data: declarative checks over a return's figures. Figure references are selectors: a figure id,
 * where `*` stands for one part of an id and `**` for any number of parts (`referrals.by_source.*`), and
 * `<column>` makes one check per category of that column (`support.by_crime.<crime>`). A rule with `each`
 * is written once for several values: `{dim}` in any of its strings takes each value in turn.
 */

export const severitySchema = z.enum(['error', 'query', 'info']);
export type Severity = z.infer<typeof severitySchema>;

const selector = z.string().regex(/^[a-z0-9_{}<>*]+(\.[a-z0-9_{}<>*]+)*$/, 'a figure id or pattern such as referrals.by_source.*');
const selectors = z.union([selector, z.array(selector).min(1)]);

const ruleCommon = {
  id: z.string().regex(/^[a-z0-9_]+$/, 'use lower-case letters, digits and _ only'),
  /** The rule's number in the commissioner's document, for people cross-checking the two. */
  ref: z.union([z.number(), z.string()]).optional(),
  severity: severitySchema,
  /** What the rule requires, in the commissioner's words. */
  title: z.string().min(1),
  /** What to do about a finding. */
  hint: z.string().min(1),
  each: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)).optional(),
};

const valueRule = <K extends string>(kind: K) =>
  z.strictObject({ ...ruleCommon, kind: z.literal(kind), figures: selectors, except: z.array(selector).default([]) });

export const ruleSchema = z.discriminatedUnion('kind', [
  valueRule('missing'),
  valueRule('not_a_number'),
  valueRule('negative'),
  valueRule('not_whole'),
  z.strictObject({ ...ruleCommon, kind: z.literal('sum'), total: selector, parts: selectors, partsLabel: z.string().min(1).optional() }),
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('identity'),
    figure: selector,
    /** Signed terms: "+caseload_start.total", "-outcomes.exits". */
    equals: z.array(z.string().regex(/^[+-]/, 'each term starts with + or -')).min(1),
  }),
  z.strictObject({ ...ruleCommon, kind: z.literal('subset'), part: selectors, whole: selectors }),
  z.strictObject({ ...ruleCommon, kind: z.literal('cap'), figure: selector, factor: z.number().positive(), of: selector }),
  z.strictObject({ ...ruleCommon, kind: z.literal('funnel'), chain: z.array(selector).min(2) }),
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('ratio'),
    percentage: selector,
    numerator: selector,
    denominator: selector,
    /** How far the stated percentage may be from the exact one: half a unit of its rounding. */
    tolerance: z.number().nonnegative().default(0.5),
    /** The numerator adds up events (a case may have several), so the percentage may rightly pass 100. */
    mayExceed100: z.boolean().default(false),
  }),
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('completeness'),
    breakdown: selectors,
    unknown: selector,
    share: z.number().gt(0).lt(1),
    minBase: z.number().int().nonnegative().default(0),
  }),
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('plausibility'),
    breakdown: selectors,
    exclude: z.array(selector).default([]),
    share: z.number().gt(0).lte(1),
    minBase: z.number().int().nonnegative().default(0),
  }),
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('threshold'),
    figure: selector,
    target: z.number(),
    direction: z.enum(['at_least', 'at_most']),
    /** The count the figure is based on; below minBase the comparison means little and is not made. */
    base: selector.optional(),
    minBase: z.number().int().nonnegative().default(0),
  }),
  z.strictObject({ ...ruleCommon, kind: z.literal('small_base'), figure: selector, base: selector, minBase: z.number().int().positive() }),
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('small_count'),
    figures: selectors,
    min: z.number().int().positive().default(1),
    max: z.number().int().positive(),
    tableLabel: z.string().min(1).optional(),
  }),
  /** A list, or a typed-in table, the return must not leave empty (at least one case study). */
  z.strictObject({ ...ruleCommon, kind: z.literal('at_least_one'), list: z.string().min(1), itemLabel: z.string().min(1), min: z.number().int().positive().default(1) }),
  /** Every row of a typed-in table that is begun has each of its columns filled (all but the optional ones), with a value of the column's kind. */
  z.strictObject({ ...ruleCommon, kind: z.literal('complete_rows'), table: z.string().min(1), itemLabel: z.string().min(1) }),
  z.strictObject({ ...ruleCommon, kind: z.literal('text_length'), list: z.string().min(1), itemLabel: z.string().min(1), maxWords: z.number().int().positive() }),
  /** Texts sent anonymised (case studies) holding what identifies a person. */
  z.strictObject({ ...ruleCommon, kind: z.literal('identifying_text'), list: z.string().min(1), itemLabel: z.string().min(1) }),
  z.strictObject({
    ...ruleCommon,
    kind: z.literal('period'),
    /** Allowed periods as month-day pairs, e.g. { from: "04-01", to: "09-30" }. */
    allowed: z.array(z.strictObject({ from: z.string().regex(/^\d{2}-\d{2}$/), to: z.string().regex(/^\d{2}-\d{2}$/), label: z.string().min(1) })).min(1),
  }),
  z.strictObject({ ...ruleCommon, kind: z.literal('continuity'), figure: selector, previous: selector }),
  /** The same value in every month (168 / 168 / 168): copied from month to month, or not counted afresh. */
  z.strictObject({ ...ruleCommon, kind: z.literal('repeated_months'), months: selectors, min: z.number().int().nonnegative().default(1) }),
]);

export type Rule = z.output<typeof ruleSchema>;
export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;
