import { valuesOf, type RuleCheck } from './types';

/** A part is no larger than its whole (or the sum of several wholes). */
export const checkSubset: RuleCheck<'subset'> = (rule, context) => {
  const wholes = context.select(rule.whole);
  const wholeValues = context.numbers(wholes);
  if (!wholeValues) return [];
  const whole = wholeValues.reduce((a, b) => a + b, 0);
  const wholeText =
    wholes.length === 1
      ? `${context.label(wholes[0]!)} (${context.format(whole)})`
      : `${wholes.map((id, i) => `${context.label(id)} ${context.format(wholeValues[i]!)}`).join(' + ')} = ${context.format(whole)}`;
  return context.select(rule.part).flatMap((id) => {
    const part = context.number(id);
    if (part === undefined || part <= whole) return [];
    const params = { actual: part, expected: whole, difference: part - whole, values: valuesOf([id, ...wholes], [part, ...wholeValues]) };
    return [{ figures: [id, ...wholes], params, message: `${context.label(id)} (${context.format(params.actual)}) is more than ${wholeText}, which it is part of.` }];
  });
};
