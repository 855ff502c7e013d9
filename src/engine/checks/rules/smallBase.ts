import type { RuleCheck } from './types';
import { plural, valuesOf } from './types';

/** A percentage or mean from too few responses: "100% satisfied" from one survey. */
export const checkSmallBase: RuleCheck<'small_base'> = (rule, context) => {
  const values = context.numbers([rule.figure, rule.base]);
  if (!values) return [];
  const [value, base] = values as [number, number];
  if (base >= rule.minBase) return [];
  return [{
    figures: [rule.figure, rule.base],
    params: { actual: base, limit: rule.minBase, values: valuesOf([rule.figure, rule.base], values) },
    message: `${context.label(rule.figure)} (${context.format(value)}) rests on ${context.label(rule.base)} of ${context.format(base)}, fewer than ${context.format(rule.minBase)}: ${plural(base, 'one answer', 'so few answers')} cannot show how the service is doing.`,
  }];
};
