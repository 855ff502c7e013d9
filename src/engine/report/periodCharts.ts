import { breakdownsOf, partName, varyingColumn } from '../../frameworks/breakdowns';
import { figuresOf } from '../../frameworks/expand';
import { displayDay } from '../cases/dates';
import type { ReturnData } from '../checks/returnData';

/** One chart of a meeting pack: categories down the side, one bar per period for each. */
export interface PeriodChart {
  id: string;
  title: string;
  categories: string[];
  /** Oldest period first; the return being discussed last. */
  series: { period: string; values: (number | null)[] }[];
}

/** How a return's period is named on a chart: its dates, or its file when it states none. */
export function periodName(data: ReturnData): string {
  return data.period ? `${displayDay(data.period.from)} – ${displayDay(data.period.to)}` : data.source;
}

/** A figure's value for a chart: a number, or null when blank, text, or not held by that return. */
function valueOf(data: ReturnData, id: string): number | null {
  if (data.held && !data.held.has(id)) return null;
  const value = data.values[id];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The period-over-period charts of a meeting pack, from the framework's breakdowns: first the totals they break
 * down, then each breakdown of a headline figure (cross-table rows and columns are left to the tables). The same
 * data draws the page's SVG and Excel's native charts.
 */
export function periodCharts(returns: readonly ReturnData[]): PeriodChart[] {
  const current = returns[returns.length - 1];
  if (!current) return [];
  const { framework } = current;
  const byId = new Map(figuresOf(framework).map((f) => [f.id, f]));
  const lists = breakdownsOf(framework).filter((b) => Object.keys(byId.get(b.total)!.categories).length === 0);
  const chart = (id: string, title: string, figureIds: string[], categories: string[]): PeriodChart | null => {
    const series = returns.map((data) => ({ period: periodName(data), values: figureIds.map((f) => valueOf(data, f)) }));
    return series.some((s) => s.values.some((v) => v !== null)) ? { id, title, categories, series } : null;
  };
  const totals = [...new Set(lists.map((b) => b.total))];
  const charts = [chart('headline', 'Headline figures', totals, totals.map((t) => byId.get(t)!.label))];
  for (const b of lists) {
    const parts = b.parts.map((p) => byId.get(p)!);
    const column = varyingColumn(parts);
    charts.push(chart(`${b.source}:${b.parts[0]}`, b.label, b.parts, parts.map((p) => partName(framework, p, column))));
  }
  return charts.filter((c): c is PeriodChart => c !== null);
}
