import type { CategoryList, Column, FigureTemplate, Framework } from './schema';

/** One concrete figure of a return, expanded from a template such as `referrals.by_source.<source>`. */
export interface Figure {
  id: string;
  label: string;
  section: string;
  template: FigureTemplate;
  /** For breakdown figures: the category of each `by` column, e.g. { source: 'police' }. */
  categories: Record<string, string>;
  /** For sum_of figures: the ids of the figures added up. */
  parts: string[];
  /** Decimal places the figure is stated to. */
  decimals: number;
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

function expandTemplate(framework: Framework, template: FigureTemplate, earlier: Map<string, Figure[]>): Figure[] {
  const decimals = template.kind === 'waiting_average_number' || template.kind === 'waiting_average_days' ? 2 : 0;
  const base = { section: template.section, template, decimals };
  if (template.kind === 'sum_of') {
    const parts = template.figures.flatMap((t) => (earlier.get(t) ?? []).map((f) => f.id));
    return [{ ...base, id: template.id, label: template.label, categories: {}, parts }];
  }
  const by = template.kind === 'count' ? template.by : [];
  let combos: { id: string; label: string; categories: Record<string, string> }[] = [
    { id: template.id, label: template.label, categories: {} },
  ];
  for (const key of by) {
    const items = categoryListOf(framework, key).items;
    combos = combos.flatMap((combo) =>
      items.map((item) => ({
        id: combo.id.replace(`<${key}>`, item.id),
        label: combo.label.replace(`<${key}>`, item.label),
        categories: { ...combo.categories, [key]: item.id },
      })),
    );
  }
  return combos.map((combo) => ({ ...base, ...combo, parts: [] }));
}
