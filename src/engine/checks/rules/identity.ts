import type { RuleCheck } from './types';
import { difference, valuesOf } from './types';

/** A stock-and-flow balance: "Closing caseload is 120, but Opening caseload 100 + New referrals 40 − Exits 25 = 115 (5 more)." */
export const checkIdentity: RuleCheck<'identity'> = (rule, context) => {
  const terms = rule.equals.map((t) => ({ sign: t.startsWith('-') ? -1 : 1, id: t.slice(1) }));
  const values = context.numbers([rule.figure, ...terms.map((t) => t.id)]);
  if (!values) return [];
  const [actual, ...termValues] = values as [number, ...number[]];
  const expected = terms.reduce((sum, t, i) => sum + t.sign * termValues[i]!, 0);
  if (Math.abs(actual - expected) < 1e-9) return [];
  const expression = terms
    .map((t, i) => `${i === 0 ? (t.sign < 0 ? '− ' : '') : t.sign < 0 ? ' − ' : ' + '}${context.label(t.id)} ${context.format(termValues[i]!)}`)
    .join('');
  return [{
    figures: [rule.figure, ...terms.map((t) => t.id)],
    params: { actual, expected, difference: actual - expected, values: valuesOf([rule.figure, ...terms.map((t) => t.id)], values) },
    message: `${context.label(rule.figure)} is ${context.format(actual)}, but ${expression} = ${context.format(expected)} (${difference(actual, expected, context)}).`,
  }];
};
