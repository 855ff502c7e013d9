import type { RuleCheck } from './types';

export const checkNegative: RuleCheck<'negative'> = (rule, context) => {
  const except = new Set(context.select(rule.except));
  return context
    .select(rule.figures)
    .filter((id) => !except.has(id) && (context.number(id) ?? 0) < 0)
    .map((id) => ({ figures: [id], params: { actual: context.number(id)! }, message: `${context.label(id)} is ${context.format(context.number(id)!)}, below zero.` }));
};
