import { daysBetween, secondsBetween } from '../cases/dateTimes';
import type { CaseTest } from '../spec/caseTest';
import type { DurationUnit } from '../spec/durationSpec';
import { totalsOf, type Accumulator } from './accumulator';
import { roundedRatio } from './rounding';

/** What one case's duration is counted in before the mean is taken: whole seconds for hours, calendar days otherwise. */
export const DURATION_STEPS: Record<DurationUnit, { step: 'seconds' | 'days'; perUnit: number }> = {
  hours: { step: 'seconds', perUnit: 3600 },
  days: { step: 'days', perUnit: 1 },
  weeks: { step: 'days', perUnit: 7 },
};

/**
 * The mean duration from `from` to `to` over the cases `counted` selects (its terms require both dates and a
 * duration that is not negative), to 2 decimals, as the formula's ROUND; null when no case counts.
 */
export function durationAccumulator(counted: CaseTest, from: string, to: string, unit: DurationUnit): Accumulator {
  const { step, perUnit } = DURATION_STEPS[unit];
  const between = step === 'seconds' ? secondsBetween : daysBetween;
  let total = 0;
  let cases = 0;
  return {
    add(record) {
      if (!counted(record)) return;
      total += between(record.values[from] as number, record.values[to] as number);
      cases += 1;
    },
    value: () => (cases === 0 ? null : roundedRatio(total, cases * perUnit)),
    state: () => [total, cases],
    absorb(state) {
      const [otherTotal, otherCases] = totalsOf(state, 2);
      total += otherTotal!;
      cases += otherCases!;
    },
  };
}
