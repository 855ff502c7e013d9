import { valuesOf, type RuleCheck } from './types';

/** One stated category holds almost everyone: a default code recorded for all (99.995% "not disabled"). */
export const checkPlausibility: RuleCheck<'plausibility'> = (rule, context) => {
  const parts = context.select(rule.breakdown);
  const values = context.numbers(parts);
  if (!values) return [];
  const base = values.reduce((a, b) => a + b, 0);
  if (base === 0 || base < rule.minBase) return [];
  const excluded = new Set(context.select(rule.exclude));
  return parts.flatMap((id, i) => {
    const share = values[i]! / base;
    if (excluded.has(id) || share < rule.share) return [];
    const percent = Math.floor(share * 1000) / 10;
    return [{
      figures: [id, ...parts.filter((p) => p !== id)],
      params: { actual: values[i]!, expected: base, limit: rule.share, values: valuesOf(parts, values) },
      message: `${context.label(id)} holds ${context.format(values[i]!)} of ${context.format(base)} (${percent}%) for ${context.breakdownName(parts)}: so nearly everyone in one category suggests a default value was recorded.`,
    }];
  });
};
