import type { FigureTemplate, Framework, Window } from './schema';

/**
 * A part of the return's period a figure is counted over: one of its months (`<figure>.m1` … `.m3` of a
 * quarterly return), or the months up to the period's end (`<figure>.last_12_months`, a rolling window).
 */
export type SubPeriod = { kind: 'month'; index: number } | { kind: 'rolling'; months: number };

/** The last part of the id of a figure counted over a sub-period. */
export function subPeriodSuffix(sub: SubPeriod): string {
  return sub.kind === 'month' ? `m${sub.index}` : `last_${sub.months}_months`;
}

export function subPeriodLabel(sub: SubPeriod): string {
  return sub.kind === 'month' ? `month ${sub.index}` : `${sub.months} months to the period's end`;
}

/** Whether a figure is asked month by month: its own `months`, or else its section's. */
export function hasMonths(template: FigureTemplate, framework: Pick<Framework, 'sections'>): boolean {
  return template.months ?? framework.sections.find((s) => s.id === template.section)?.months ?? false;
}

/**
 * How a figure asked month by month gives its period value: `sum`, a flow (cases referred, or exits, in the
 * period: each falls in one month); `last`, a stock at the period's end (the last month's); `first`, a stock
 * at its start (the first month's); `distinct`, neither (cases active at some time in the period, counted once
 * however many months they were active in), so the period value is counted over the whole period.
 */
export type MonthsTotal = 'sum' | 'last' | 'first' | 'distinct';

export function monthsTotal(template: FigureTemplate, framework: Pick<Framework, 'populations'>): MonthsTotal {
  if (template.kind !== 'count' && template.kind !== 'sum') return 'sum';
  const windows = new Set<Window>(framework.populations[template.population]?.windows ?? []);
  if (windows.size === 1 && (windows.has('referred_in_period') || windows.has('exited_in_period'))) return 'sum';
  if (windows.has('open_at_end') && [...windows].every((w) => w === 'open_at_end' || w === 'active')) return 'last';
  if (windows.size === 1 && windows.has('open_at_start')) return 'first';
  return 'distinct';
}

/** The months of a return asked month by month, in order. */
export function monthsOf(framework: Pick<Framework, 'monthsInPeriod'>): SubPeriod[] {
  return Array.from({ length: framework.monthsInPeriod ?? 0 }, (_, i) => ({ kind: 'month', index: i + 1 }));
}

/** The months (when asked month by month) and rolling window a figure is also counted over. */
export function subPeriodsOf(template: FigureTemplate, framework: Pick<Framework, 'sections' | 'monthsInPeriod'>): SubPeriod[] {
  const monthly = hasMonths(template, framework) && template.kind !== 'waiting_average_number' && template.kind !== 'waiting_average_days' && template.kind !== 'duration';
  return [...(monthly ? monthsOf(framework) : []), ...(template.rolling ? [{ kind: 'rolling', months: template.rolling } as const] : [])];
}
