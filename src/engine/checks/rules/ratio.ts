import { valuesOf, type RuleCheck } from './types';

/** A stated percentage is its numerator over its denominator, within rounding, and lies in 0–100 (or is at least 0 where its numerator may pass its base). */
export const checkRatio: RuleCheck<'ratio'> = (rule, context) => {
  const figures = [rule.percentage, rule.numerator, rule.denominator];
  const stated = context.number(rule.percentage);
  if (stated === undefined) return [];
  if (stated < 0 || (stated > 100 && !rule.mayExceed100))
    return [{ figures: [rule.percentage], params: { actual: stated }, message: `${context.label(rule.percentage)} is ${context.format(stated)}%, ${rule.mayExceed100 ? 'below 0%' : 'outside 0–100%'}.` }];
  const counts = context.numbers([rule.numerator, rule.denominator]);
  if (!counts) return [];
  const [numerator, denominator] = counts as [number, number];
  if (denominator === 0)
    return numerator === 0 ? [] : [{ figures, params: { actual: stated, values: valuesOf(figures, [stated, numerator, denominator]) }, message: `${context.label(rule.percentage)} is stated as ${context.format(stated)}%, but ${context.label(rule.denominator)} is 0, so there is no percentage to state.` }];
  const exact = (100 * numerator) / denominator;
  if (Math.abs(stated - exact) <= rule.tolerance) return [];
  return [{
    figures,
    params: { actual: stated, expected: exact, difference: stated - exact, limit: rule.tolerance, values: valuesOf(figures, [stated, numerator, denominator]) },
    message: `${context.label(rule.percentage)} is stated as ${context.format(stated)}%, but ${context.label(rule.numerator)} ${context.format(numerator)} ÷ ${context.label(rule.denominator)} ${context.format(denominator)} = ${context.format(exact)}%.`,
  }];
};
