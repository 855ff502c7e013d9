import type { FrameworkInput } from '../../src/frameworks/schema';
import { parseFramework } from '../../src/frameworks/load';
import cambridgeshire from '../../src/frameworks/data/cambridgeshire.json';

/**
 * The Cambridgeshire return asked quarterly and month by month: new referrals (a flow) and their sources, the
 * caseload at the start and end (stocks), victims supported (neither), outcomes at exit and their total (a
 * sum of figures), with new referrals also over the 12 months
 * to the period's end. Every kind of period value a figure asked month by month can have.
 */
export function monthlyCambridgeshire() {
  const fw = structuredClone(cambridgeshire) as unknown as FrameworkInput;
  fw.monthsInPeriod = 3;
  for (const section of fw.sections) if (section.id === 'referrals' || section.id === 'outcomes') section.months = true;
  for (const figure of fw.figures) {
    if (['caseload_start.total', 'caseload_end.total', 'support.total'].includes(figure.id)) figure.months = true;
    if (figure.id === 'referrals.total') figure.rolling = 12;
  }
  return parseFramework(fw, 'monthly-cambridgeshire.json');
}
