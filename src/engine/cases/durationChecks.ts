import { columnOf } from '../../frameworks/expand';
import type { Framework, RowCheck } from '../../frameworks/schema';
import { caseTest, type CaseTest } from '../spec/caseTest';
import { reversed } from '../spec/durationSpec';
import type { Term } from '../spec/terms';

/**
 * Row checks implied by the framework's durations: a case whose end is before its start, or whose end is
 * recorded without its start, is left out of the mean, so the row is reported to be corrected. One check per
 * pair of columns, naming the durations measured between them.
 */
export function durationRowChecks(framework: Framework, absent: ReadonlySet<string>): { check: RowCheck; holds: CaseTest }[] {
  // Pairs the import already checks (referral before exit, each waiting list's start before its end): to the second when both carry a time, else by calendar day.
  const ordered = new Set([`${framework.caseDates.referral}>${framework.caseDates.exit}>days`, ...framework.figures.flatMap((f) => (f.kind === 'waiting_average_number' || f.kind === 'waiting_average_days' ? [`${f.start}>${f.end}>days`] : []))]);
  const byPair = new Map<string, { from: string; to: string; terms: Term[]; labels: string[] }>();
  for (const t of framework.figures) {
    if (t.kind !== 'duration' || absent.has(t.from) || absent.has(t.to)) continue;
    if (ordered.has(`${t.from}>${t.to}>${t.unit === 'hours' ? 'seconds' : 'days'}`)) continue;
    // One check per pair, at the finest resolution a duration measures it in (a minute before, for hours).
    const key = `${t.from}>${t.to}`;
    const found = byPair.get(key);
    if (found) found.labels.push(t.label);
    if (found && t.unit === 'hours') found.terms = [[reversed(t.from, t.to, t.unit)]];
    if (!found) byPair.set(key, { from: t.from, to: t.to, terms: [[reversed(t.from, t.to, t.unit)]], labels: [t.label] });
  }
  return [...byPair.values()].flatMap(({ from, to, terms, labels }) => {
    const start = columnOf(framework, from);
    const end = columnOf(framework, to);
    const leftOut = `so the case is left out of the time measured between them (${labels.map((l) => `"${l}"`).join(', ')})`;
    const check = (id: string, problem: string): RowCheck => ({ id, severity: 'warning', title: `${end.header} before or without ${start.header}`, where: {}, columns: [from, to], problem, fix: 'Correct whichever date is wrong, or fill in the missing one.' });
    const before = { check: check(`duration_${to}_before_${from}`, `${end.header} is before ${start.header}, ${leftOut}`), holds: caseTest(terms) };
    // A required start is reported blank already.
    if (start.required) return [before];
    const withoutStart: Term[] = [[{ test: 'blank', column: from, blank: true }, { test: 'blank', column: to, blank: false }]];
    return [before, { check: check(`duration_${to}_without_${from}`, `${end.header} is filled but ${start.header} is blank, ${leftOut}`), holds: caseTest(withoutStart) }];
  });
}
