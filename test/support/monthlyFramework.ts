import type { FrameworkInput } from '../../src/frameworks/schema';
import { parseFramework } from '../../src/frameworks/load';
import cambridgeshire from '../../src/frameworks/data/cambridgeshire.json';

/**
 * The Cambridgeshire return asked quarterly and month by month: new referrals (a flow) and their sources, the
 * caseload at the start and end (stocks), victims supported (neither), outcomes at exit and their total (a
 * sum of figures), and percentages of them. with new referrals also over the 12 months
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
  // Percentages with their base: month by month, and over a base typed in (blank until it is).
  fw.figures.splice(fw.figures.findIndex((f) => f.id === 'referrals.self') + 1, 0, { id: 'referrals.self_share', kind: 'percentage', label: 'Self-referrals (% of new referrals)', section: 'referrals', numerator: 'referrals.self', base: 'referrals.total' });
  fw.figures.push({ id: 'rj.proactive_share', kind: 'percentage', label: 'Supported victims per proactive referral (%)', section: 'rj', numerator: 'support.total', base: 'rj.proactive_referrals' });
  return parseFramework(fw, 'monthly-cambridgeshire.json');
}
