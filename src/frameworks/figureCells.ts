import { breakdownOf } from './eventTables';
import type { FigureTemplate, Framework } from './schema';
import { useOneOf } from './suggest';

/**
 * A figure a percentage's numerator or base names: a whole figure template (`contact.vulnerable`), or one cell of
 * a breakdown template (`contact.vulnerable.by_service.nest`, one service's split). Either way it is one figure of
 * the return, defined before the percentage.
 */
export type FigureCell = { template: FigureTemplate; categories: Record<string, string> };

/** The template and categories of a figure id among the templates defined so far, or what is wrong with the id. */
export function figureCellOf(id: string, earlier: readonly FigureTemplate[], framework: Framework): FigureCell | { message: string; fix: string } {
  if (id.includes('<')) return { message: `"${id}" is a breakdown: a percentage names one figure`, fix: 'Name a whole figure, or one cell of a breakdown with each <column> replaced by a category (…by_service.nest).' };
  const whole = earlier.find((t) => t.id === id);
  if (whole) return { template: whole, categories: {} };
  for (const template of earlier) {
    const { by, table } = breakdownOf(framework, template);
    if (!by.length) continue;
    const match = new RegExp(`^${template.id.replace(/\./g, '\\.').replace(/<[a-z0-9_]+>/g, '([a-z0-9_]+)')}$`).exec(id);
    if (!match) continue;
    const categories: Record<string, string> = {};
    for (const [i, column] of by.entries()) {
      const value = match[i + 1]!;
      const spec = table.columns.find((c) => c.key === column);
      const items = spec && (spec.type === 'category' || spec.type === 'age') ? (table.categories[spec.category]?.items.map((item) => item.id) ?? []) : [];
      if (!items.includes(value)) return { message: `"${value}" in "${id}" is not a category of the breakdown's column "${column}"`, fix: useOneOf(value, items, `categories of "${column}"`) };
      categories[column] = value;
    }
    return { template, categories };
  }
  return { message: `"${id}" must be a figure defined before this one`, fix: useOneOf(id, earlier.map((t) => t.id), 'figures defined above (a breakdown\'s cell is its id with each <column> replaced by a category)') };
}

export function isFigureCell(found: ReturnType<typeof figureCellOf>): found is FigureCell {
  return 'template' in found;
}
