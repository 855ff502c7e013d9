import type { FigureSpec } from '../spec/figureSpec';
import type { Term } from '../spec/terms';
import { DURATION_STEPS } from '../tally/durations';

/**
 * A duration's live formula: the mean over the case table of each selected case's time from `from` to `to`
 * (whole seconds, or calendar days, as the tally counts it) in the figure's unit, to 2 decimals; blank when no
 * case is selected. `product` gives a term as a 0/1 array (the terms are disjoint, so their sum is one too).
 */
export function durationFormula(spec: Extract<FigureSpec, { kind: 'duration' }>, product: (term: Term) => string, rangeOf: (key: string) => string): string {
  const selected = `(${spec.terms.map(product).join('+') || '0'})`;
  const from = rangeOf(spec.from);
  const to = rangeOf(spec.to);
  const { step, perUnit } = DURATION_STEPS[spec.unit];
  const each = step === 'seconds' ? `ROUND((${to}-${from})*86400,0)` : `(INT(${to})-INT(${from}))`;
  const cases = `SUMPRODUCT(${selected})`;
  return `IF(${cases}=0,"",ROUND(SUMPRODUCT(${selected}*${each})/(${perUnit}*${cases}),2))`;
}
