import { listLabels, valuesOf, type RuleCheck } from './types';

/** A figure's months are not all the same value: identical months (168, 168, 168) suggest a copied or stale figure. */
export const checkRepeatedMonths: RuleCheck<'repeated_months'> = (rule, context) => {
  const months = context.select(rule.months);
  const values = context.numbers(months);
  if (!values || values.length < 2) return [];
  const [first] = values as [number];
  if (first < rule.min || values.some((v) => v !== first)) return [];
  return [{
    figures: months,
    params: { actual: first, values: valuesOf(months, values) },
    message: `${listLabels(months, context, months.length)} are all ${context.format(first)}: the same in every month, as if copied from one month to the next.`,
  }];
};
