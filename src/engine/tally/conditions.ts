import { columnOf } from '../../frameworks/expand';
import type { Framework, Population, Where, Window } from '../../frameworks/schema';
import { categoriesOf, flagOf, type CaseRecord } from '../cases/caseRecord';

export type CasePredicate = (record: CaseRecord) => boolean;

/** A predicate for "every condition holds": a flag has the value, or the case has one of the listed categories. */
export function compileWhere(where: Where, framework: Framework): CasePredicate {
  const tests: CasePredicate[] = Object.entries(where).map(([key, wanted]) => {
    if (columnOf(framework, key).type === 'flag') return (record) => flagOf(record, key) === wanted;
    const accepted = Array.isArray(wanted) ? wanted : [wanted];
    return (record) => categoriesOf(record, key).some((id) => accepted.includes(id));
  });
  return (record) => tests.every((test) => test(record));
}

export type PopulationTest = (record: CaseRecord, windows: Record<Window, boolean>) => boolean;

export function compilePopulation(population: Population, framework: Framework): PopulationTest {
  const where = compileWhere(population.where, framework);
  return (record, windows) => population.windows.every((w) => windows[w]) && where(record);
}
