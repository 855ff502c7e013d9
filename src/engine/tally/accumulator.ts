import { z } from 'zod';
import type { CaseRecord } from '../cases/caseRecord';

/**
 * What an accumulator has added up, as plain numbers (a running total, or a total and its cases, or a breakdown's
 * cells): small, and cloned unchanged to another thread.
 */
export const accumulatorStateSchema = z.array(z.number());
export type AccumulatorState = z.infer<typeof accumulatorStateSchema>;

/** Each breakdown column's category codes in another counter's state, as this counter codes them: theirs → ours. */
export type CodeTranslation = ReadonlyMap<string, readonly number[]>;

/** A running total for one figure template, fed each counted case once. */
export interface Accumulator {
  add(record: CaseRecord): void;
  /** The value of one expanded figure. */
  value(categories: Record<string, string>): number | null;
  /** What it has added up, for the same accumulator of another counter over the same framework and period to absorb. */
  state(): AccumulatorState;
  /** Adds another counter's state of this accumulator, as if that counter's cases had followed this one's. */
  absorb(state: AccumulatorState, codes: CodeTranslation): void;
}

/** A state of `size` running totals, or an error: one of another kind of accumulator is a mismatched counter. */
export function totalsOf(state: AccumulatorState, size: number): readonly number[] {
  if (state.length !== size) throw new Error(`an accumulator state of ${state.length} numbers where ${size} are kept: the counters differ`);
  return state;
}
