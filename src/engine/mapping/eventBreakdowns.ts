import { figuresOf, type Figure } from '../../frameworks/expand';
import type { FigureTemplate, Framework } from '../../frameworks/schema';

/** The columns a figure is broken down by, for a count of cases or of events alike. */
export function breakdownBy(template: FigureTemplate): string[] {
  return template.kind === 'count' || template.kind === 'event_count' || template.kind === 'event_cases' ? template.by : [];
}

const views = new WeakMap<Framework, { framework: Framework; figures: Figure[] }>();

/**
 * The framework as the mapper reads it: each event table's category columns as columns of their own, keyed
 * `<table>.<column>` (an event table's "channel" is not a case column's), and each event figure broken down by
 * them; so a template's table of contacts by channel is found as a table of cases by source is.
 */
export function mappingView(framework: Framework): { framework: Framework; figures: Figure[] } {
  const known = views.get(framework);
  if (known) return known;
  const qualified = (table: string, key: string) => `${table}.${key}`;
  const view: Framework = {
    ...framework,
    columns: [...framework.columns, ...framework.events.flatMap((t) => t.columns.filter((c) => c.type === 'category').map((c) => ({ ...c, key: qualified(t.id, c.key) })))],
  };
  const figures = figuresOf(framework).map((figure): Figure => {
    const t = figure.template;
    if ((t.kind !== 'event_count' && t.kind !== 'event_cases') || !t.by.length) return figure;
    return {
      ...figure,
      template: { ...t, by: t.by.map((key) => qualified(t.events, key)) },
      categories: Object.fromEntries(Object.entries(figure.categories).map(([key, id]) => [qualified(t.events, key), id])),
    };
  });
  const result = { framework: view, figures };
  views.set(framework, result);
  return result;
}
