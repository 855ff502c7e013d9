import { breakdownListOf, figuresOf, type Figure } from './expand';
import { instancesOf, matchFigures } from './selectors';
import type { Framework } from './schema';

/** A total and the figures that add up to it: one breakdown list, or one row or column of a cross-table. */
export interface Breakdown {
  /** The rule (or sum_of figure) that says so. */
  source: string;
  total: string;
  parts: string[];
  /** What the breakdown is, for a chart's title or a summary ("New referrals by source"). */
  label: string;
}

const cached = new WeakMap<Framework, Breakdown[]>();

/**
 * Every additive relation the framework states: each sum rule's concrete checks (breakdowns and both margins of
 * each cross-table) and each figure defined as a sum of others. Charts read the lists; disclosure control reads
 * them all, since each is an equation someone could use to work a hidden figure back.
 */
export function breakdownsOf(framework: Framework): Breakdown[] {
  const known = cached.get(framework);
  if (known) return known;
  const figures = figuresOf(framework);
  const ids = figures.map((f) => f.id);
  const byId = new Map(figures.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const found: Breakdown[] = [];
  const add = (breakdown: Breakdown) => {
    const key = `${breakdown.total}=${[...breakdown.parts].sort().join('+')}`;
    if (breakdown.parts.length === 0 || seen.has(key)) return;
    seen.add(key);
    found.push(breakdown);
  };
  for (const rule of framework.rules.filter((r) => r.kind === 'sum'))
    for (const instance of instancesOf(rule, framework)) {
      if (instance.kind !== 'sum' || !ids.includes(instance.total)) continue;
      const parts = matchFigures(instance.parts, ids);
      add({ source: rule.id, total: instance.total, parts, label: instance.partsLabel ?? `${byId.get(instance.total)!.label} by ${breakdownName(framework, parts.map((p) => byId.get(p)!))}` });
    }
  for (const figure of figures.filter((f) => f.template.kind === 'sum_of'))
    add({ source: figure.id, total: figure.id, parts: figure.parts, label: `${figure.label}: ${figure.parts.map((p) => byId.get(p)!.label).join(', ')}` });
  cached.set(framework, found);
  return found;
}

/** The column a breakdown's parts differ by, or null when they are figures of their own. */
export function varyingColumn(parts: Figure[]): string | null {
  const columns = Object.keys(parts[0]?.categories ?? {});
  return columns.find((key) => new Set(parts.map((f) => f.categories[key])).size > 1) ?? null;
}

/** A part's name within its breakdown: its category ("Police"), or its own label when the parts are figures. */
export function partName(framework: Framework, part: Figure, column: string | null): string {
  if (column === null) return part.label;
  const id = part.categories[column];
  return breakdownListOf(framework, part, column).items.find((i) => i.id === id)?.label ?? part.label;
}

function breakdownName(framework: Framework, parts: Figure[]): string {
  const column = varyingColumn(parts);
  return column ? breakdownListOf(framework, parts[0]!, column).label.toLowerCase() : 'part';
}
