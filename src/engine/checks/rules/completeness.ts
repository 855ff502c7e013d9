import { valuesOf, type RuleCheck } from './types';

/** Too much of a breakdown is not stated: "Not stated is 526 of 805 (65%) for sexual orientation." */
export const checkCompleteness: RuleCheck<'completeness'> = (rule, context) => {
  const parts = context.select(rule.breakdown);
  const values = context.numbers([...parts, rule.unknown]);
  if (!values) return [];
  const base = values.slice(0, -1).reduce((a, b) => a + b, 0);
  const unknown = values[values.length - 1]!;
  if (base === 0 || base < rule.minBase || unknown / base <= rule.share) return [];
  return [{
    figures: [rule.unknown, ...parts.filter((id) => id !== rule.unknown)],
    params: { actual: unknown, expected: base, limit: rule.share, values: valuesOf(parts, values) },
    message: `${context.label(rule.unknown)} is ${context.format(unknown)} of ${context.format(base)} (${Math.round((100 * unknown) / base)}%): more than ${Math.round(rule.share * 100)}% of the ${context.breakdownName(parts)} breakdown is not recorded.`,
  }];
};
