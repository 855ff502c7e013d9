import type { Figure } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import type { CaseRecord } from '../cases/caseRecord';
import { caseIdKey } from '../cases/textKey';
import { caseTest } from '../spec/caseTest';
import { figureSpec } from '../spec/figureSpec';
import type { Period } from './period';

/**
 * The cases a count figure counts (or a duration is the mean over), read from its spec, for drilling down from
 * a wrong total to its rows; for an event figure, the cases with the events it counts (from `events`, each event
 * table's rows by its id); empty for other figures.
 */
export function casesBehind(figure: Figure, cases: readonly CaseRecord[], framework: Framework, period: Period, events: Readonly<Record<string, readonly CaseRecord[]>> = {}): CaseRecord[] {
  const spec = figureSpec(figure, framework);
  if (spec.kind === 'event_count' || spec.kind === 'event_cases') {
    const matches = caseTest(spec.terms, period);
    const withEvents = new Set((events[spec.events] ?? []).filter((e) => e.duplicateOf === null && matches(e)).map((e) => caseIdKey(e.id)));
    const inCases = spec.kind === 'event_cases' ? caseTest(spec.caseTerms, period) : () => true;
    return cases.filter((record) => record.duplicateOf === null && withEvents.has(caseIdKey(record.id)) && inCases(record));
  }
  // A duration's cases are those its mean is over.
  if (spec.kind !== 'count' && spec.kind !== 'duration') return [];
  const counts = caseTest(spec.terms, period);
  return cases.filter((record) => record.duplicateOf === null && counts(record));
}
