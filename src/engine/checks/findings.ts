import { z } from 'zod';
import { severitySchema, type RuleKind } from '../../frameworks/rules';

/**
 * The catalogue of findings: every problem a check of a return can report has a stable code, a title for
 * summaries and one sentence on what it catches. A finding carries its code and parameters, so other tools
 * filter, count and explain findings without parsing the sentence, which is derived from the parameters.
 */
const ruleCodes = {
  missing: { title: 'Missing figure', description: 'A figure the return requires is blank.' },
  not_a_number: { title: 'Not a number', description: 'A figure cell holds text such as *** or N/A, which is never read as 0.' },
  negative: { title: 'Negative figure', description: 'A count or average is below zero.' },
  not_whole: { title: 'Not a whole number', description: 'A count of victims or cases has a fraction.' },
  sum: { title: 'Breakdown does not add up', description: 'The parts of a breakdown do not add up to its total.' },
  identity: { title: 'Figures do not balance', description: 'A figure does not equal the sum and difference of others, as a stock and flow must.' },
  subset: { title: 'Part larger than whole', description: 'A figure is larger than one it is part of.' },
  cap: { title: 'Over the maximum', description: 'A figure is over the most the return allows.' },
  funnel: { title: 'Stage larger than the one before', description: 'A later stage of a process has more than an earlier one.' },
  ratio: { title: 'Percentage does not match its counts', description: 'A stated percentage is not its numerator over its denominator, or is outside 0–100.' },
  completeness: { title: 'Mostly not recorded', description: 'Too much of a breakdown is not stated.' },
  plausibility: { title: 'One category holds almost everyone', description: 'A category holds so much of a breakdown that a default value may have been recorded for everyone.' },
  threshold: { title: 'Target missed', description: 'A figure misses its target.' },
  small_base: { title: 'Small base', description: 'A percentage or mean rests on too few responses to mean much.' },
  small_count: { title: 'Small numbers to suppress', description: 'Counts so small that publishing them could identify a victim.' },
  at_least_one: { title: 'None given', description: 'A list or table the return asks for (case studies) has fewer entries than it needs.' },
  complete_rows: { title: 'Row not complete', description: 'A row of a table typed into the return (a case study, a grant paid) is begun but has a column blank, or a value of the wrong kind.' },
  text_length: { title: 'Text too long', description: 'A narrative is over its word limit.' },
  identifying_text: { title: 'May identify a victim', description: 'A text sent anonymised names a person from the case, or holds a date of birth, phone number, email address or postcode.' },
  period: { title: 'Unusual period', description: 'The return covers a period other than the ones the commissioner asks for.' },
  repeated_months: { title: 'Same value every month', description: 'A figure has the same value in every month of the period, as if copied from one month to the next.' },
  continuity: { title: 'Does not follow on from the last return', description: "An opening figure differs from the previous return's closing one." },
} as const satisfies Record<RuleKind, { title: string; description: string }>;

export const findingCatalogue = {
  ...ruleCodes,
  typed_differs_from_cases: { title: 'Typed figure differs from the case data', description: 'A figure typed into the return is not what the case data in the same workbook gives.' },
  case_data_unreadable: { title: 'Case data not compared', description: "The workbook's case data could not be read, so its figures were not compared with it." },
  template_version: { title: 'Earlier template', description: 'The return was made from an earlier version of the template, whose figures may mean something else.' },
  figure_names_lost: { title: 'Figure cells lost their names', description: 'Cells of a return made from a Returns Assistant template lost the names that say which figure they hold, so those figures were not read.' },
  case_study_names: { title: 'Case study names the person', description: 'A case study sent anonymised names the person in its own case row.' },
  peer_outlier: { title: 'Far from the other providers', description: "A provider's rate is outside 1.5 times the interquartile range of the other providers' rates." },
  not_totalled: { title: 'Total left blank', description: "A consolidated figure is blank because a provider's return does not give it, or the figure cannot be combined across providers." },
  tables_not_consolidated: { title: 'Tables not consolidated', description: "The rows providers typed into the return's tables (case studies, grants paid) are not copied into the consolidated return: they are each provider's own items, not figures that add up." },
  swing: { title: 'Large change on last period', description: 'A consolidated figure changed by more than the swing allowed since the previous period.' },
  not_compared: { title: 'Not compared with last period', description: "Previous returns were given, but none of this return's provider, so the rules comparing with last period (continuity) were not run for it." },
  previous_period: { title: 'Previous return not of the period just before', description: 'The previous return ends before the day before this period starts (a gap), or a period is not given, so the figures compared need not follow on.' },
  not_applicable: { title: 'Rules not applicable', description: 'Rules relating figures the template does not hold (a commissioner\'s own template, or an earlier version) were not checked.' },
} as const;

export type FindingCode = keyof typeof findingCatalogue;
const codes = Object.keys(findingCatalogue) as [FindingCode, ...FindingCode[]];

/** What a finding is about, in numbers: the sentence is written from these. */
export const findingParamsSchema = z.object({
  /** The figure's value as found. */
  actual: z.number().optional(),
  /** What it should be: the sum of the parts, the whole, the cap, the previous return's figure, the case data's count. */
  expected: z.number().optional(),
  /** actual − expected. */
  difference: z.number().optional(),
  /** Each figure read, by id. */
  values: z.record(z.string(), z.number()).optional(),
  /** The limit the rule sets: a share, a target, a minimum base, a word count. */
  limit: z.number().optional(),
  /** Text found where a number belongs, or the case a text belongs to. */
  text: z.string().optional(),
  /** The template version a return was made from, and the figures whose meaning changed since. */
  version: z.string().nullable().optional(),
  changed: z.array(z.string()).optional(),
});
export type FindingParams = z.infer<typeof findingParamsSchema>;

/** One problem found in a return. The message shows the arithmetic with labels and numbers, never ids. */
export const findingSchema = z.object({
  code: z.enum(codes),
  /** The framework rule that found it (or, for checks outside the framework's rules, the code). */
  rule: z.string(),
  /** What the rule requires, in the commissioner's words, and its number in the commissioner's document. */
  title: z.string(),
  ref: z.string().nullable(),
  severity: severitySchema,
  figures: z.array(z.string()),
  cells: z.array(z.string()),
  params: findingParamsSchema,
  message: z.string(),
  hint: z.string(),
  /** Case IDs behind a figure computed from the case data, when the return holds its cases. */
  cases: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** What a rule kind's check produces before the runner adds the rule's code, title, severity, hint and cells. */
export interface FindingDraft {
  figures: string[];
  params: FindingParams;
  message: string;
  /** The cells it is about, when they are not figures' (a table's cells); absent: the figures' cells. */
  cells?: string[];
}

/** A finding of a check outside the framework's rules (the template version, the case data in the workbook). */
export function catalogueFinding(
  code: Exclude<FindingCode, RuleKind>,
  finding: Pick<Finding, 'severity' | 'figures' | 'cells' | 'params' | 'message' | 'hint'> & { cases?: string[] },
): Finding {
  return { code, rule: code, title: findingCatalogue[code].title, ref: null, ...finding };
}
