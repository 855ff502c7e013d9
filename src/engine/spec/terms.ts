import type { Framework, Where, Window } from '../../frameworks/schema';
import { columnOf } from '../../frameworks/expand';
import type { ComparisonOperator } from '../../frameworks/conditions';
import { isTimingCondition } from '../../frameworks/conditions';
import { timingAtoms } from './timingAtoms';
import type { SubPeriod } from '../../frameworks/subPeriods';

/**
 * The counting spec's vocabulary. A figure counts the cases for which one of several disjoint terms holds; a
 * term is a conjunction of atoms, each a test of one column. Disjoint terms are the shape a spreadsheet counts
 * (one COUNTIFS per term, added up) and the tally, the cases-behind lookup and the formulas all read them.
 */
export type Bound = 'from' | 'to';
export type Atom =
  /**
   * A date column against the first or last day of the period (or, `within`, of one of its months or a rolling
   * window to its end); a blank date fails every comparison.
   */
  | { test: 'compare'; column: string; op: '<' | '<=' | '>=' | '>'; bound: Bound; within?: SubPeriod }
  /** The column is blank (no date, no category recorded) or, with `blank: false`, filled. */
  | { test: 'blank'; column: string; blank: boolean }
  /** A flag or single category column holds one of the values. */
  | { test: 'in'; column: string; values: string[] }
  /** The column holds none of the values (a numbered column: in none of its slots). */
  | { test: 'not_in'; column: string; values: string[] }
  /** A numbered column holds the value in one of its slots (a breakdown by Outcome 1 … 4). */
  | { test: 'has'; column: string; value: string }
  /** A numbered column holds one of the values in at least one of its slots. */
  | { test: 'has_any'; column: string; values: string[] }
  /** A whole-number column compared with a number; a blank fails every comparison. */
  | { test: 'number'; column: string; op: ComparisonOperator; value: number }
  /**
   * The time from `of` to `column` (both filled) compared with a value: whole calendar days, whole seconds
   * between two date-times (a mean time in hours), `clock` seconds (a condition in hours: whole seconds when
   * both carry a time of day, calendar days of 86,400 seconds when either is a date alone), or (`order`, against
   * 0) which comes first, as `clock` tells it. A date compared with another column is an `order` gap (`=`, "on
   * the same day as", a gap of days).
   */
  | { test: 'gap'; column: string; of: string; unit: 'days' | 'seconds' | 'clock' | 'order'; op: ComparisonOperator; value: number }
  /** The date falls on a weekend (Saturday, Sunday or England and Wales bank holiday) or a weekday; neither outside the bank-holiday table. */
  | { test: 'day'; column: string; value: 'weekday' | 'weekend' }
  /** The atom does not hold (a blank, or a date outside the bank-holiday table, included). */
  | { test: 'not'; column: string; atom: Atom };
export type Term = Atom[];

const NOTHING: Term[] = [];
const EVERYTHING: Term[] = [[]];

/** Each window as disjoint alternatives of date conditions on the referral (R) and exit (E) dates. */
function windowTable(referral: string, exit: string): Record<Window, Term[]> {
  const r = (op: '<' | '<=' | '>=' | '>', bound: Bound): Atom => ({ test: 'compare', column: referral, op, bound });
  const e = (op: '<' | '<=' | '>=' | '>', bound: Bound): Atom => ({ test: 'compare', column: exit, op, bound });
  const exitBlank: Atom = { test: 'blank', column: exit, blank: true };
  return {
    referred_in_period: [[r('>=', 'from'), r('<=', 'to')]],
    open_at_start: [[r('<', 'from'), exitBlank], [r('<', 'from'), e('>=', 'from')]],
    active: [[r('<=', 'to'), exitBlank], [r('<=', 'to'), e('>=', 'from')]],
    exited_in_period: [[r('<=', 'to'), e('>=', 'from'), e('<=', 'to')]],
    open_at_end: [[r('<=', 'to'), exitBlank], [r('<=', 'to'), e('>', 'to')]],
  };
}

/** The cases in all the given windows. */
export function windowTerms(windows: readonly Window[], framework: Framework): Term[] {
  const table = windowTable(framework.caseDates.referral, framework.caseDates.exit);
  return windows.reduce<Term[]>((terms, window) => and(terms, table[window]), EVERYTHING);
}

/** The terms with their date windows moved to a month of the period, or a rolling window to its end. */
export function inSubPeriod(terms: readonly Term[], within: SubPeriod): Term[] {
  return terms.map((term) => term.map((atom) => (atom.test === 'compare' ? { ...atom, within } : atom)));
}

/** A case that counts at all: it has a referral date on or before the period's end. */
export function countedCase(framework: Framework): Term {
  const referral = framework.caseDates.referral;
  return [{ test: 'compare', column: referral, op: '<=', bound: 'to' }];
}

/** The atoms of a framework condition set (all of them hold). */
export function whereAtoms(where: Where, framework: Framework): Atom[] {
  return Object.entries(where).flatMap(([column, condition]): Atom[] => {
    if (isTimingCondition(condition)) return timingAtoms(column, condition);
    if (typeof condition === 'object' && 'blank' in condition) return [{ test: 'blank', column, blank: condition.blank }];
    const negated = typeof condition === 'object' && !Array.isArray(condition);
    const value = negated ? condition.not : condition;
    const values = Array.isArray(value) ? value : [value];
    const spec = columnOf(framework, column);
    const repeated = spec.type === 'category' && spec.repeat !== undefined;
    // A numbered column holds a value in any of its slots.
    if (!negated && repeated) return [values.length === 1 ? { test: 'has', column, value: values[0]! } : { test: 'has_any', column, values }];
    return [{ test: negated ? 'not_in' : 'in', column, values }];
  });
}

/** Terms for "where holds, and at least one alternative holds", the alternatives made disjoint. */
export function conditionTerms(where: Where, anyOf: readonly Where[] | undefined, framework: Framework): Term[] {
  const base: Term[] = [whereAtoms(where, framework)];
  if (!anyOf) return and(EVERYTHING, base);
  // Alternative k counts only the cases no earlier alternative counted: A1, then A2 and not A1, …
  let terms: Term[] = NOTHING;
  let notEarlier: Term[] = EVERYTHING;
  for (const alternative of anyOf) {
    const atoms = whereAtoms(alternative, framework);
    terms = [...terms, ...and(notEarlier, [atoms])];
    notEarlier = and(notEarlier, negation(atoms, framework));
  }
  return and(base, terms);
}

/** Not (a and b and c) as disjoint terms: not a; a and not b; a and b and not c. */
function negation(atoms: Term, framework: Framework): Term[] {
  return atoms.flatMap((atom, i) => and([atoms.slice(0, i)], negate(atom, framework)));
}

/** Not the atom, as disjoint terms (a blank fails a comparison, so its negation is "blank, or the other way"). */
function negate(atom: Atom, framework: Framework): Term[] {
  switch (atom.test) {
    case 'in':
      return [[{ test: 'not_in', column: atom.column, values: atom.values }]];
    case 'not_in': {
      const spec = columnOf(framework, atom.column);
      if (spec.type === 'category' && spec.repeat) return [[atom.values.length === 1 ? { test: 'has', column: atom.column, value: atom.values[0]! } : { test: 'has_any', column: atom.column, values: atom.values }]];
      return [[{ test: 'in', column: atom.column, values: atom.values }]];
    }
    case 'blank':
      return [[{ ...atom, blank: !atom.blank }]];
    case 'has':
      return [[{ test: 'not_in', column: atom.column, values: [atom.value] }]];
    case 'number': {
      const blank: Term = [{ test: 'blank', column: atom.column, blank: true }];
      const other = (op: ComparisonOperator): Term => [{ ...atom, op }];
      const opposite = { '<': ['>='], '<=': ['>'], '>': ['<='], '>=': ['<'], '=': ['<', '>'] } as const;
      return [blank, ...opposite[atom.op].map(other)];
    }
    case 'not':
      return [[atom.atom]];
    case 'has_any':
    case 'gap':
    case 'day':
      return [[{ test: 'not', column: atom.column, atom }]];
    case 'compare':
      throw new Error(`cannot negate a date window on "${atom.column}"`);
  }
}

/** Every pairing of a term of `a` with a term of `b`, each joined into one; pairings that cannot hold are dropped. */
export function and(a: readonly Term[], b: readonly Term[]): Term[] {
  return a.flatMap((x) => b.map((y) => y.reduce<Term | null>((term, atom) => (term ? conjoin(term, atom) : null), x))).filter((t): t is Term => t !== null);
}

// Atoms on other columns or of other tests differ: told apart before writing either out (every expanded figure's
// terms are joined when a tally starts).
const same = (a: Atom, b: Atom) => a.test === b.test && a.column === b.column && JSON.stringify(a) === JSON.stringify(b);

/** A term with one more atom, simplified: repeated atoms kept once, value sets on one column merged, contradictions null. */
function conjoin(term: Term, atom: Atom): Term | null {
  if (term.some((t) => same(t, atom))) return term;
  const onColumn = term.filter((t) => t.column === atom.column);
  if (atom.test === 'blank' || atom.test === 'compare') {
    const blank = atom.test === 'blank' ? atom.blank : false;
    if (onColumn.some((t) => (t.test === 'blank' ? t.blank !== blank : t.test === 'compare' && blank))) return null;
    return [...term, atom];
  }
  if (atom.test !== 'in' && atom.test !== 'not_in') return [...term, atom];
  const others = term.filter((t) => !(t.column === atom.column && (t.test === 'in' || t.test === 'not_in')));
  const sets = [...onColumn.filter((t) => t.test === 'in' || t.test === 'not_in'), atom] as Extract<Atom, { test: 'in' | 'not_in' }>[];
  const excluded = new Set(sets.filter((t) => t.test === 'not_in').flatMap((t) => t.values));
  const included = sets.filter((t) => t.test === 'in').map((t) => new Set(t.values));
  if (included.length === 0) return [...others, { test: 'not_in', column: atom.column, values: [...excluded] }];
  const allowed = [...included[0]!].filter((v) => !excluded.has(v) && included.every((set) => set.has(v)));
  return allowed.length ? [...others, { test: 'in', column: atom.column, values: allowed }] : null;
}
