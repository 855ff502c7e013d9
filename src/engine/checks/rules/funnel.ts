import { valuesOf, type RuleCheck } from './types';

/** Each stage of a process is no larger than the one before it: referrals ≥ contacted ≥ supported ≥ completed. */
export const checkFunnel: RuleCheck<'funnel'> = (rule, context) => {
  const values = context.numbers(rule.chain);
  if (!values) return [];
  return rule.chain.slice(1).flatMap((id, i) => {
    const before = rule.chain[i]!;
    if (values[i + 1]! <= values[i]!) return [];
    return [{
      figures: [before, id],
      params: { actual: values[i + 1]!, expected: values[i]!, difference: values[i + 1]! - values[i]!, values: valuesOf([before, id], [values[i]!, values[i + 1]!]) },
      message: `${context.label(id)} (${context.format(values[i + 1]!)}) is more than ${context.label(before)} (${context.format(values[i]!)}), the stage before it.`,
    }];
  });
};
