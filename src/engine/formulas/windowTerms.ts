import type { Window } from '../../frameworks/schema';

/** One condition on a case's referral (R) or exit (E) date against the period's bounds. */
export interface DateAtom {
  date: 'referral' | 'exit';
  op: '<' | '<=' | '>=' | '>' | 'blank';
  bound?: 'from' | 'to';
}

/** Each window as alternatives (OR) of conditions that must all hold (AND): the shape COUNTIFS terms take. */
const WINDOW_TERMS: Record<Window, DateAtom[][]> = {
  referred_in_period: [[{ date: 'referral', op: '>=', bound: 'from' }, { date: 'referral', op: '<=', bound: 'to' }]],
  open_at_start: [
    [{ date: 'referral', op: '<', bound: 'from' }, { date: 'exit', op: 'blank' }],
    [{ date: 'referral', op: '<', bound: 'from' }, { date: 'exit', op: '>=', bound: 'from' }],
  ],
  active: [
    [{ date: 'referral', op: '<=', bound: 'to' }, { date: 'exit', op: 'blank' }],
    [{ date: 'referral', op: '<=', bound: 'to' }, { date: 'exit', op: '>=', bound: 'from' }],
  ],
  exited_in_period: [[{ date: 'referral', op: '<=', bound: 'to' }, { date: 'exit', op: '>=', bound: 'from' }, { date: 'exit', op: '<=', bound: 'to' }]],
  open_at_end: [
    [{ date: 'referral', op: '<=', bound: 'to' }, { date: 'exit', op: 'blank' }],
    [{ date: 'referral', op: '<=', bound: 'to' }, { date: 'exit', op: '>', bound: 'to' }],
  ],
};

/**
 * The cases in all the given windows, as disjoint alternatives of conditions. Alternatives that cannot hold
 * (an exit date both blank and after a day) are dropped; repeated conditions are kept once.
 */
export function windowTerms(windows: readonly Window[]): DateAtom[][] {
  let terms: DateAtom[][] = [[]];
  for (const window of windows)
    terms = terms.flatMap((term) => WINDOW_TERMS[window].map((alternative) => merge(term, alternative))).filter((t): t is DateAtom[] => t !== null);
  return terms;
}

function merge(a: DateAtom[], b: DateAtom[]): DateAtom[] | null {
  const all = [...a];
  for (const atom of b) if (!all.some((x) => x.date === atom.date && x.op === atom.op && x.bound === atom.bound)) all.push(atom);
  const exitBlank = all.some((x) => x.date === 'exit' && x.op === 'blank');
  const exitDated = all.some((x) => x.date === 'exit' && x.op !== 'blank');
  return exitBlank && exitDated ? null : all;
}
