import { z } from 'zod';
import { severitySchema, type RuleKind } from '../../frameworks/rules';

/** One problem found in a return. The message shows the arithmetic with labels and numbers, never ids. */
export const findingSchema = z.object({
  rule: z.string(),
  kind: z.string(),
  severity: severitySchema,
  figures: z.array(z.string()),
  cells: z.array(z.string()),
  message: z.string(),
  hint: z.string(),
  /** Case IDs behind a figure computed from the case data, when the return holds its cases. */
  cases: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof findingSchema>;

/** What a rule kind's check produces before the runner adds the rule's id, severity, hint and cells. */
export interface FindingDraft {
  figures: string[];
  message: string;
}

/** Each kind of rule: a title for summaries and one sentence on what it catches. */
export const ruleKindCatalogue: Record<RuleKind, { title: string; description: string }> = {
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
  text_length: { title: 'Text too long', description: 'A narrative is over its word limit.' },
  identifying_text: { title: 'May identify a victim', description: 'A text sent anonymised names a person from the case, or holds a date of birth, phone number, email address or postcode.' },
  period: { title: 'Unusual period', description: 'The return covers a period other than the ones the commissioner asks for.' },
  continuity: { title: 'Does not follow on from the last return', description: "An opening figure differs from the previous return's closing one." },
};
