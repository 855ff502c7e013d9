import type { RuleCheck } from './types';
import { difference } from './types';

/** This return's opening figure is the previous return's closing one. */
export const checkContinuity: RuleCheck<'continuity'> = (rule, context) => {
  const previous = context.previous;
  if (!previous) return [];
  const now = context.number(rule.figure);
  const before = context.number(rule.previous, previous);
  if (now === undefined || before === undefined || now === before) return [];
  return [{
    figures: [rule.figure],
    params: { actual: now, expected: before, difference: now - before },
    message: `${context.label(rule.figure)} is ${context.format(now)}, but the previous return (${previous.source}) closed with ${context.label(rule.previous)} of ${context.format(before)} (${difference(now, before, context)}).`,
  }];
};
