import type { Figure } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import { categoriesOf, dateOf, type CaseRecord } from '../cases/caseRecord';
import { compilePopulation, compileWhere } from './conditions';
import { windowsOf, type Period } from './period';

/** The cases a count figure counts, for drilling down from a wrong total to its rows; empty for other figures. */
export function casesBehind(figure: Figure, cases: readonly CaseRecord[], framework: Framework, period: Period): CaseRecord[] {
  const t = figure.template;
  if (t.kind !== 'count') return [];
  const inPopulation = compilePopulation(framework.populations[t.population]!, framework);
  const where = compileWhere(t.where, framework);
  return cases.filter((record) => {
    const referral = dateOf(record, framework.caseDates.referral);
    if (record.duplicateOf !== null || referral === null || referral > period.to) return false;
    const windows = windowsOf(referral, dateOf(record, framework.caseDates.exit), period);
    return inPopulation(record, windows) && where(record) && Object.entries(figure.categories).every(([key, id]) => categoriesOf(record, key).includes(id));
  });
}
