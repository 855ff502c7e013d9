import type { RuleCheck } from './types';
import { listLabels, plural } from './types';

/** A required figure left blank (text in the cell is the not_a_number rule's to report). */
export const checkMissing: RuleCheck<'missing'> = (rule, context) => {
  const except = new Set(context.select(rule.except));
  const blank = context.select(rule.figures).filter((id) => !except.has(id) && (context.data.values[id] ?? null) === null);
  if (blank.length === 0) return [];
  return [{ figures: blank, params: {}, message: `${blank.length} ${plural(blank.length, 'figure is', 'figures are')} blank: ${listLabels(blank, context)}.` }];
};
