import { valuesOf, type RuleCheck } from './types';

/** A figure is at most k times another: outcomes at most four per exit. */
export const checkCap: RuleCheck<'cap'> = (rule, context) => {
  const values = context.numbers([rule.figure, rule.of]);
  if (!values) return [];
  const [value, of] = values as [number, number];
  const max = rule.factor * of;
  if (value <= max) return [];
  return [{
    figures: [rule.figure, rule.of],
    params: { actual: value, expected: max, difference: value - max, limit: rule.factor, values: valuesOf([rule.figure, rule.of], values) },
    message: `${context.label(rule.figure)} is ${context.format(value)}, more than ${context.format(rule.factor)} × ${context.label(rule.of)} (${context.format(of)}) = ${context.format(max)}.`,
  }];
};
