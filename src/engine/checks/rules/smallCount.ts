import type { RuleCheck } from './types';
import { listLabels, plural, valuesOf } from './types';

/** Small counts that could identify a victim once published, e.g. 1–4 in a demographic table. */
export const checkSmallCount: RuleCheck<'small_count'> = (rule, context) => {
  const figures = context.select(rule.figures);
  const small = figures.filter((id) => {
    const value = context.number(id);
    return value !== undefined && value >= rule.min && value <= rule.max;
  });
  if (small.length === 0) return [];
  const table = rule.tableLabel ?? context.tableName(figures[0]!);
  return [{
    figures: small,
    params: { limit: rule.max, values: valuesOf(small, small.map((id) => context.number(id)!)) },
    message: `${small.length} ${plural(small.length, 'count', 'counts')} in the ${table} table ${plural(small.length, 'is', 'are')} between ${rule.min} and ${rule.max}: ${listLabels(small, context)}.`,
  }];
};
