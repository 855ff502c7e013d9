import type { Figure } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import type { CaseRecord } from '../cases/caseRecord';
import { caseTest } from '../spec/caseTest';
import { figureSpec } from '../spec/figureSpec';
import type { Period } from './period';

/** The cases a count figure counts, read from its spec, for drilling down from a wrong total to its rows; empty for other figures. */
export function casesBehind(figure: Figure, cases: readonly CaseRecord[], framework: Framework, period: Period): CaseRecord[] {
  const spec = figureSpec(figure, framework);
  if (spec.kind !== 'count') return [];
  const counts = caseTest(spec.terms, period);
  return cases.filter((record) => record.duplicateOf === null && counts(record));
}
