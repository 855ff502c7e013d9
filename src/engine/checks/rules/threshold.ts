import type { RuleCheck } from './types';

/** An actual against its target, for red/amber/green; not judged when its base is too small to mean much. */
export const checkThreshold: RuleCheck<'threshold'> = (rule, context) => {
  const value = context.number(rule.figure);
  if (value === undefined) return [];
  if (rule.base !== undefined) {
    const base = context.number(rule.base);
    if (base === undefined || base < rule.minBase) return [];
  }
  const missed = rule.direction === 'at_least' ? value < rule.target : value > rule.target;
  if (!missed) return [];
  return [{
    figures: [rule.figure],
    params: { actual: value, limit: rule.target, difference: value - rule.target },
    message: `${context.label(rule.figure)} is ${context.format(value)}; the target is ${rule.direction === 'at_least' ? 'at least' : 'at most'} ${context.format(rule.target)}.`,
  }];
};
