import type { RuleCheck } from './types';
import { difference, valuesOf } from './types';

/** A breakdown adds up to its total: "New referrals by source add up to 610 but Total new referrals is 607 (3 more)." */
export const checkSum: RuleCheck<'sum'> = (rule, context) => {
  const parts = context.select(rule.parts);
  const values = context.numbers([rule.total, ...parts]);
  if (!values) return [];
  const [total, ...partValues] = values as [number, ...number[]];
  const sum = partValues.reduce((a, b) => a + b, 0);
  if (sum === total) return [];
  const params = { actual: sum, expected: total, difference: sum - total, values: valuesOf([rule.total, ...parts], values) };
  const partsLabel = rule.partsLabel ?? `${context.label(rule.total)} by ${context.breakdownName(parts)}`;
  return [{ figures: [rule.total, ...parts], params, message: `${partsLabel} add up to ${context.format(params.actual)} but ${context.label(rule.total)} is ${context.format(params.expected)} (${difference(params.actual, params.expected, context)}).` }];
};
