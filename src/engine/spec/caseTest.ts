import type { CaseRecord, CaseValue } from '../cases/caseRecord';
import { subPeriodOf, type Period } from '../tally/period';
import type { Atom, Term } from './terms';
import { timingTest } from './timingTests';

export type CaseTest = (record: CaseRecord) => boolean;

/**
 * The spec read case by case (the tally's and the cases-behind lookup's reading): does one of the terms hold?
 * Conditions without date windows (a row check) need no period.
 */
export function caseTest(terms: readonly Term[], period?: Period): CaseTest {
  const tests = terms.map((term) => term.map((atom) => atomTest(atom, period)));
  // Plain loops: row checks run this on every row of an export, where callbacks per term and atom add up.
  return (record) => {
    for (const term of tests) {
      let holds = true;
      for (let i = 0; holds && i < term.length; i++) holds = term[i]!(record);
      if (holds) return true;
    }
    return false;
  };
}

/**
 * Many tests read over the same cases, sharing the atoms they have in common (every figure of a window tests
 * the referral date the same way): `next` moves to a case, and each atom is then evaluated at most once for it.
 */
export class SharedAtoms {
  private readonly atoms: CaseTest[] = [];
  private readonly index = new Map<string, number>();
  /** Per atom for the current case: 0 not yet evaluated, 1 false, 2 true. */
  private state = new Uint8Array(0);
  private record: CaseRecord | null = null;

  constructor(private readonly period?: Period) {}

  /** A test of the current case (the one given to `next`): does one of the terms hold? */
  test(terms: readonly Term[]): () => boolean {
    const compiled = terms.map((term) => term.map((atom) => this.atomIndex(atom)));
    return () => {
      for (const term of compiled) {
        let holds = true;
        for (const i of term)
          if (!this.holds(i)) {
            holds = false;
            break;
          }
        if (holds) return true;
      }
      return false;
    };
  }

  next(record: CaseRecord): void {
    this.record = record;
    this.state.fill(0);
  }

  private holds(i: number): boolean {
    let known = this.state[i]!;
    if (known === 0) this.state[i] = known = this.atoms[i]!(this.record!) ? 2 : 1;
    return known === 2;
  }

  private atomIndex(atom: Atom): number {
    const key = JSON.stringify(atom);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.atoms.push(atomTest(atom, this.period)) - 1;
      this.index.set(key, i);
      this.state = new Uint8Array(this.atoms.length);
    }
    return i;
  }
}

function atomTest(atom: Atom, period: Period | undefined): CaseTest {
  const key = atom.column;
  switch (atom.test) {
    case 'compare': {
      if (!period) throw new Error(`a date window on "${key}" needs a period`);
      const bound = (atom.within ? subPeriodOf(period, atom.within) : period)[atom.bound];
      const compare = { '<': (d: number) => d < bound, '<=': (d: number) => d <= bound, '>=': (d: number) => d >= bound, '>': (d: number) => d > bound }[atom.op];
      return (record) => {
        const day = record.values[key];
        // A date-time's day is compared with the period's days.
        return typeof day === 'number' && compare(Math.floor(day));
      };
    }
    case 'blank':
      return (record) => isBlank(record.values[key]) === atom.blank;
    case 'in': {
      const holds = oneOf(atom.values);
      return (record) => holds(record.values[key]);
    }
    case 'not_in': {
      const holds = oneOf(atom.values);
      return (record) => !holds(record.values[key]);
    }
    // What `categoriesOf` gives, read without making an array of a lone category on every case.
    case 'has':
      return (record) => {
        const v = record.values[key];
        return Array.isArray(v) ? v.includes(atom.value) : v === atom.value;
      };
    case 'has_any': {
      const values = new Set(atom.values);
      return (record) => {
        const v = record.values[key];
        return Array.isArray(v) ? v.some((id) => values.has(id)) : typeof v === 'string' && values.has(v);
      };
    }
    case 'number':
    case 'gap':
    case 'day':
      return timingTest(atom);
    case 'not': {
      const holds = atomTest(atom.atom, period);
      return (record) => !holds(record);
    }
  }
}

/**
 * Whether a flag's value, or one of the categories a case has in a column, is one of the values. Most sets have
 * one or two values, compared directly: every row tests them, and a value read from the framework is the very
 * string compared, so the comparison is of references.
 */
function oneOf(values: readonly string[]): (value: CaseValue | undefined) => boolean {
  const [first, second] = values;
  const single = (v: string) => v === first;
  const pair = (v: string) => v === first || v === second;
  const set = new Set(values);
  const many = (v: string) => set.has(v);
  const has = values.length === 1 ? single : values.length === 2 ? pair : many;
  return (value) => {
    if (typeof value === 'string') return has(value);
    if (Array.isArray(value)) {
      for (const v of value) if (has(v)) return true;
      return false;
    }
    // A whole number compared with a value written as text (a count of 0 "in" ["0"]).
    return typeof value === 'number' && has(String(value));
  };
}

function isBlank(value: CaseRecord['values'][string] | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
