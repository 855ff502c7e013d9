import type { RuleCheck } from './types';

export const checkNotWhole: RuleCheck<'not_whole'> = (rule, context) => {
  const except = new Set(context.select(rule.except));
  return context
    .select(rule.figures)
    .filter((id) => {
      const value = context.number(id);
      return !except.has(id) && value !== undefined && !Number.isInteger(value);
    })
    .map((id) => ({ figures: [id], params: { actual: context.number(id)! }, message: `${context.label(id)} is ${context.format(context.number(id)!)}, but it counts people or cases, so it must be a whole number.` }));
};
