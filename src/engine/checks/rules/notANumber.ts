import type { RuleCheck } from './types';
import { isNotApplicable } from '../typedInputs';

/** Text in a figure cell ("***", "N/A", "See narrative"): never read as 0, so it is reported, figure by figure. */
export const checkNotANumber: RuleCheck<'not_a_number'> = (rule, context) => {
  const except = new Set(context.select(rule.except));
  return context
    .select(rule.figures)
    // N/A where the framework allows it is an answer, not a mistake.
    .filter((id) => !except.has(id) && typeof context.data.values[id] === 'string' && !isNotApplicable(context.data.framework, id, context.data.values[id]))
    .map((id) => ({ figures: [id], params: { text: String(context.data.values[id]) }, message: `${context.label(id)} holds "${String(context.data.values[id])}", which is not a number, so it is not counted as 0 or anything else.` }));
};
