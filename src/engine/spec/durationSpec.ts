import type { DurationTemplate, Framework } from '../../frameworks/schema';
import { and, conditionTerms, type Atom, type Term } from './terms';

export type DurationUnit = DurationTemplate['unit'];

/**
 * The cases a duration is the mean over, as terms: the given cases (its population's, or every counted case),
 * those whose `to` falls in the period when it says so, meeting its conditions, with both dates filled and `to`
 * not before `from` (measured as the duration is: whole seconds for hours, calendar days otherwise).
 */
export function durationTerms(template: DurationTemplate, cases: Term[], framework: Framework): Term[] {
  const ended: Term[] = template.endedInPeriod
    ? [[{ test: 'compare', column: template.to, op: '>=', bound: 'from' }, { test: 'compare', column: template.to, op: '<=', bound: 'to' }]]
    : [[]];
  return and(and(and(cases, ended), conditionTerms(template.where, template.anyOf, framework)), [[measurable(template.from, template.to, template.unit)]]);
}

/** Both dates filled and `to` at or after `from`, in the unit's resolution. */
export function measurable(from: string, to: string, unit: DurationUnit): Atom {
  return { test: 'gap', column: to, of: from, unit: unit === 'hours' ? 'seconds' : 'days', op: '>=', value: 0 };
}

/** `to` before `from` (both filled), in the unit's resolution: a row a duration leaves out. */
export function reversed(from: string, to: string, unit: DurationUnit): Atom {
  return { ...measurable(from, to, unit), op: '<' } as Atom;
}
