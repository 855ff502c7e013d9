import { z } from 'zod';
import { breakdownsOf } from '../../frameworks/breakdowns';
import { figuresOf } from '../../frameworks/expand';
import { instancesOf, matchFigures } from '../../frameworks/selectors';
import type { Framework } from '../../frameworks/schema';
import type { FigureCell, ReturnData } from '../checks/returnData';
import { determinedCells, type Equation } from './recovery';

export const presetSchema = z.enum(['under5', 'ons'], { error: '--preset is under5 (suppress 1–4) or ons (suppress under 10, round the rest to 5)' });
export type Preset = z.infer<typeof presetSchema>;

/** What each preset hides and how it rounds: counts from `min` to `max` are suppressed; the rest rounded to `roundTo`. */
export const PRESETS = {
  under5: { min: 1, max: 4, roundTo: 1, rule: 'counts of 1 to 4 are suppressed' },
  ons: { min: 1, max: 9, roundTo: 5, rule: 'counts of 1 to 9 are suppressed and the others rounded to the nearest 5' },
} as const satisfies Record<Preset, { min: number; max: number; roundTo: number; rule: string }>;

/** The mark a suppressed cell shows, as the Government Statistical Service recommends for confidential values. */
export const SUPPRESSED = '[c]';

export type SuppressionReason = 'small' | 'secondary' | 'percentage';

export interface Disclosure {
  /** Every figure as published: its value (rounded under `ons`), `[c]`, or as found when not a count. */
  published: Record<string, FigureCell>;
  suppressed: { id: string; reason: SuppressionReason }[];
  /** Counts changed by rounding. */
  rounded: number;
}

/** The equations a published return states between its figures: every breakdown (and cross-table margin) and identity. */
export function disclosureEquations(framework: Framework): Equation[] {
  const ids = figuresOf(framework).map((f) => f.id);
  const equations: Equation[] = breakdownsOf(framework).map((b) => {
    const terms = new Map<string, number>([[b.total, -1]]);
    for (const part of b.parts) terms.set(part, (terms.get(part) ?? 0) + 1);
    return terms;
  });
  for (const rule of framework.rules)
    if (rule.kind === 'identity')
      for (const instance of instancesOf(rule, framework)) {
        if (instance.kind !== 'identity') continue;
        const terms = new Map<string, number>([[instance.figure, -1]]);
        for (const term of instance.equals) for (const id of matchFigures(term.slice(1), ids)) terms.set(id, (terms.get(id) ?? 0) + (term.startsWith('-') ? -1 : 1));
        equations.push(terms);
      }
  return equations;
}

/** Figures that are a share or mean of a count (ratio and small-base rules): hidden when their count or base is. */
function dependentsOf(framework: Framework): Map<string, string[]> {
  const ids = figuresOf(framework).map((f) => f.id);
  const on = new Map<string, string[]>();
  for (const rule of framework.rules)
    for (const instance of rule.kind === 'ratio' || rule.kind === 'small_base' ? instancesOf(rule, framework) : []) {
      const [figure, counts] = instance.kind === 'ratio' ? [instance.percentage, [instance.numerator, instance.denominator]] : instance.kind === 'small_base' ? [instance.figure, [instance.base]] : [null, []];
      for (const id of matchFigures(figure ?? [], ids)) on.set(id, [...(on.get(id) ?? []), ...counts.flatMap((c) => matchFigures(c, ids))]);
    }
  return on;
}

/**
 * Statistical disclosure control of a return before it is published.
 *
 * Primary: each count of victims within the preset's small range is suppressed.
 * Secondary: then, while any hidden cell can be worked out exactly from the published cells through the
 * framework's equations (each breakdown sums to its total; a cross-table's rows and columns sum to its margins;
 * identities), one more cell of an equation holding it is hidden: the smallest non-zero published part, else
 * the smallest published cell; when every cell of its own equations is hidden already, of the nearest equations
 * reached through hidden cells (a self-referral total of two hidden parts is given away by their breakdown).
 * Blank, text and unheld figures count as hidden to this test, since they are not published numbers either.
 * Percentages and means on a hidden count or base are hidden too.
 *
 * The guarantee: no suppressed cell's exact value follows from the published values by any linear
 * combination of the equations, whatever the crossings (see determinedCells); under `ons` this holds even if
 * the rounded values were exact, and rounding then blurs every published cell by up to 2. Not guaranteed:
 * bounds from non-negativity (hidden cells of a total of 5 are each at most 5), as with any cell suppression.
 */
export function protectReturn(data: ReturnData, preset: Preset): Disclosure {
  const { min, max, roundTo } = PRESETS[preset];
  const { framework } = data;
  const figures = figuresOf(framework);
  const dependents = dependentsOf(framework);
  // Counts: counted and summed figures, and whatever a percentage or mean is taken of (survey responses).
  const counts = new Set([...figures.filter((f) => f.template.kind === 'count' || f.template.kind === 'sum' || f.template.kind === 'sum_of' || f.template.kind === 'event_count' || f.template.kind === 'event_cases').map((f) => f.id), ...[...dependents.values()].flat()]);
  const number = (id: string): number | null => {
    if (data.held && !data.held.has(id)) return null;
    const value = data.values[id];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  const reasons = new Map<string, SuppressionReason>();
  for (const id of counts) {
    const value = number(id);
    if (value !== null && value >= min && value <= max) reasons.set(id, 'small');
  }

  const equations = disclosureEquations(framework);
  const unpublished = new Set(figures.map((f) => f.id).filter((id) => number(id) === null));
  const hidden = () => new Set([...unpublished, ...reasons.keys()]);
  const isHidden = (id: string) => reasons.has(id) || unpublished.has(id);
  // One more published cell of the given equations hidden: the smallest non-zero part, else the smallest cell.
  const complement = (from: readonly Equation[]): boolean => {
    const candidates = [...new Set(from.flatMap((e) => [...e.keys()]))].filter((id) => !isHidden(id));
    if (!candidates.length) return false;
    const parts = candidates.filter((id) => !from.some((e) => e.get(id) === -1));
    const pool = parts.length ? parts : candidates;
    const nonZero = pool.filter((id) => number(id) !== 0);
    reasons.set((nonZero.length ? nonZero : pool).sort((a, b) => number(a)! - number(b)!)[0]!, 'secondary');
    return true;
  };
  // The equations nearest `cell` that still hold a published cell: its own, else those reached from them through
  // hidden cells (a cell whose own equations are all hidden is given away through its neighbours' published cells).
  const nearestOpen = (cell: string): Equation[] => {
    const reached = new Set([cell]);
    for (let frontier = [cell]; frontier.length; ) {
      const around = equations.filter((e) => frontier.some((id) => e.has(id)));
      if (around.some((e) => [...e.keys()].some((id) => !isHidden(id)))) return around;
      frontier = [...new Set(around.flatMap((e) => [...e.keys()]))].filter((id) => !reached.has(id));
      for (const id of frontier) reached.add(id);
    }
    return [];
  };
  const unhelpable = new Set<string>();
  for (;;) {
    // The quick pass: an equation with one hidden cell gives it away by subtraction.
    for (let changed = true; changed; ) {
      changed = false;
      for (const equation of equations) {
        const inside = [...equation.keys()].filter(isHidden);
        if (inside.length === 1 && reasons.has(inside[0]!) && complement([equation])) changed = true;
      }
    }
    // The full test: combinations of equations, across crossing rows and columns.
    const exposed = determinedCells(equations, hidden()).filter((id) => reasons.has(id) && !unhelpable.has(id));
    if (!exposed.length) break;
    const cell = exposed[0]!;
    // Forced by the equations alone (a breakdown of one part) when there is nothing else to hide.
    if (!complement(nearestOpen(cell))) unhelpable.add(cell);
  }

  for (const [id, on] of dependents) if (!reasons.has(id) && on.some((c) => reasons.has(c))) reasons.set(id, 'percentage');

  let rounded = 0;
  const published: Record<string, FigureCell> = {};
  for (const f of figures) {
    if (!(f.id in data.values)) continue;
    const value = data.values[f.id]!;
    if (reasons.has(f.id)) published[f.id] = SUPPRESSED;
    else if (typeof value === 'number' && counts.has(f.id) && roundTo > 1) {
      const r = Math.round(value / roundTo) * roundTo;
      if (r !== value) rounded++;
      published[f.id] = r;
    } else published[f.id] = value;
  }
  return { published, suppressed: figures.filter((f) => reasons.has(f.id)).map((f) => ({ id: f.id, reason: reasons.get(f.id)! })), rounded };
}
