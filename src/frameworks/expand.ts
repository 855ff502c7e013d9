import { breakdownOf } from './eventTables';
import type { CategoryList, Column, FigureTemplate, Framework } from './schema';
import { subPeriodLabel, subPeriodsOf, subPeriodSuffix, type SubPeriod } from './subPeriods';

/** One concrete figure of a return, expanded from a template such as `referrals.by_source.<source>`. */
export interface Figure {
  id: string;
  label: string;
  section: string;
  template: FigureTemplate;
  /** For breakdown figures: the category of each `by` column, e.g. { source: 'police' }. */
  categories: Record<string, string>;
  /** For sum_of figures: the ids of the figures added up; for a percentage, its numerator and base. */
  parts: string[];
  /** Decimal places the figure is stated to. */
  decimals: number;
  /** The month (or rolling window) a figure asked month by month is counted over; null for the period's value. */
  subPeriod: SubPeriod | null;
}

const expanded = new WeakMap<Framework, Figure[]>();

/** Every figure of the framework, in the framework's order. */
export function figuresOf(framework: Framework): Figure[] {
  const cached = expanded.get(framework);
  if (cached) return cached;
  const byTemplate = new Map<string, Figure[]>();
  const figures: Figure[] = [];
  for (const template of framework.figures) {
    const members = expandTemplate(framework, template, byTemplate);
    byTemplate.set(template.id, members);
    figures.push(...members);
  }
  expanded.set(framework, figures);
  return figures;
}

export function columnOf(framework: Framework, key: string): Column {
  const column = framework.columns.find((c) => c.key === key);
  if (!column) throw new Error(`framework ${framework.id} has no column "${key}"`);
  return column;
}

/** The category list behind a category or age column. */
export function categoryListOf(framework: Framework, columnKey: string): CategoryList {
  const column = columnOf(framework, columnKey);
  const list = column.type === 'category' || column.type === 'age' ? framework.categories[column.category] : undefined;
  if (!list) throw new Error(`column "${columnKey}" of framework ${framework.id} has no category list`);
  return list;
}

/** The category list a figure is broken down by in `key`: a case column's, or its event table's for an event figure. */
export function breakdownListOf(framework: Framework, figure: Pick<Figure, 'template'>, key: string): CategoryList {
  return categoryListOf(breakdownOf(framework, figure.template).table, key);
}

function expandTemplate(framework: Framework, template: FigureTemplate, earlier: Map<string, Figure[]>): Figure[] {
  const decimals = template.kind === 'waiting_average_number' || template.kind === 'waiting_average_days' || template.kind === 'duration' ? 2 : template.kind === 'percentage' ? 1 : 0;
  const base = { section: template.section, template, decimals };
  if (template.kind === 'percentage') {
    const over = (id: string, sub: SubPeriod | null) => (sub ? `${id}.${subPeriodSuffix(sub)}` : id);
    return withSubPeriods(framework, template, { ...base, id: template.id, label: template.label, categories: {} }, (sub) => [over(template.numerator, sub), over(template.base, sub)]);
  }
  if (template.kind === 'sum_of') {
    const partsIn = (sub: SubPeriod | null) => template.figures.flatMap((t) => (earlier.get(t) ?? []).filter((f) => sameSubPeriod(f.subPeriod, sub)).map((f) => f.id));
    const whole = { ...base, id: template.id, label: template.label, categories: {} };
    return withSubPeriods(framework, template, whole, (sub) => partsIn(sub));
  }
  const { by, table } = breakdownOf(framework, template);
  let combos: { id: string; label: string; categories: Record<string, string> }[] = [
    { id: template.id, label: template.label, categories: {} },
  ];
  for (const key of by) {
    const items = categoryListOf(table, key).items;
    combos = combos.flatMap((combo) =>
      items.map((item) => ({
        id: combo.id.replace(`<${key}>`, item.id),
        label: combo.label.replace(`<${key}>`, item.label),
        categories: { ...combo.categories, [key]: item.id },
      })),
    );
  }
  return combos.flatMap((combo) => withSubPeriods(framework, template, { ...base, ...combo }, () => []));
}

/** A figure with its months first (when asked month by month), then its period value, then its rolling window. */
function withSubPeriods(framework: Framework, template: FigureTemplate, figure: Omit<Figure, 'parts' | 'subPeriod'>, parts: (sub: SubPeriod | null) => string[]): Figure[] {
  const subs = subPeriodsOf(template, framework);
  const at = (sub: SubPeriod): Figure => ({ ...figure, id: `${figure.id}.${subPeriodSuffix(sub)}`, label: `${figure.label}, ${subPeriodLabel(sub)}`, parts: parts(sub), subPeriod: sub });
  return [...subs.filter((s) => s.kind === 'month').map(at), { ...figure, parts: parts(null), subPeriod: null }, ...subs.filter((s) => s.kind === 'rolling').map(at)];
}

function sameSubPeriod(a: SubPeriod | null, b: SubPeriod | null): boolean {
  return a === b || (a !== null && b !== null && subPeriodSuffix(a) === subPeriodSuffix(b));
}
