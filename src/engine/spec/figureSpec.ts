import { columnOf, figuresOf, type Figure } from '../../frameworks/expand';
import { eventTableView } from '../../frameworks/eventTables';
import type { FigureTemplate, Framework } from '../../frameworks/schema';
import { monthsTotal, subPeriodsOf, subPeriodSuffix, type SubPeriod } from '../../frameworks/subPeriods';
import { durationTerms, type DurationUnit } from './durationSpec';
import { and, conditionTerms, countedCase, inSubPeriod, windowTerms, type Atom, type Term } from './terms';

/**
 * What a figure counts, compiled once from the framework: the tally, the cases behind a figure and the
 * spreadsheet formula each read this and nothing else. `reads` names every column the figure looks at.
 */
export type FigureSpec =
  /** `months`: the period value of a figure asked month by month is these month figures added (a formula says so). */
  | { kind: 'count'; terms: Term[]; by: string[]; reads: string[]; months?: string[] }
  | { kind: 'sum'; terms: Term[]; column: string; reads: string[]; months?: string[] }
  | { kind: 'sum_of'; parts: string[]; reads: string[] }
  | { kind: 'input'; reads: string[] }
  /** 100 × numerator ÷ base, to one decimal; blank when the base is 0. */
  | { kind: 'percentage'; numerator: string; base: string; reads: string[] }
  /** Events of the table `events` for which one of `terms` holds (read over event rows); `reads` names case columns only. */
  | { kind: 'event_count'; events: string; terms: Term[]; by: string[]; reads: string[] }
  /** Cases for which one of `caseTerms` holds with at least one event for which one of `terms` holds. */
  | { kind: 'event_cases'; events: string; terms: Term[]; caseTerms: Term[]; by: string[]; reads: string[] }
  | { kind: 'waiting_number' | 'waiting_days'; start: string; end: string; counted: Term; reads: string[] }
  /** The mean time from `from` to `to` over the cases for which one of `terms` holds (durationSpec.ts). */
  | { kind: 'duration'; from: string; to: string; unit: DurationUnit; terms: Term[]; reads: string[] };

interface CompiledFramework {
  templates: Map<string, FigureSpec>;
  figures: Map<string, FigureSpec>;
}

const compiled = new WeakMap<Framework, CompiledFramework>();

/** A figure template's spec, before its breakdown: `by` lists the columns its expanded figures are split by. */
export function templateSpec(template: FigureTemplate, framework: Framework): FigureSpec {
  return compile(framework).templates.get(template.id)!;
}

/** A template's spec over a sub-period (null: the period), for reading every figure of the template at once. */
export function templateSpecOver(template: FigureTemplate, within: SubPeriod | null, framework: Framework): FigureSpec {
  return overSubPeriod(templateSpec(template, framework), template, within, template.id, framework);
}

/** One expanded figure's spec: its template's, with the breakdown categories as conditions. */
export function figureSpec(figure: Figure, framework: Framework): FigureSpec {
  return compile(framework).figures.get(figure.id)!;
}

/** The terms of a population: the cases in it for the period. */
export function populationTerms(populationId: string, framework: Framework): Term[] {
  const population = framework.populations[populationId]!;
  return and(windowTerms(population.windows, framework), conditionTerms(population.where, population.anyOf, framework));
}

/**
 * The columns missing from an export that leave a figure unknowable: every column it reads except category
 * columns with a not-stated bucket, where a missing column is honestly "not stated" and breakdowns still add up.
 */
export function blankedBy(spec: FigureSpec, absent: ReadonlySet<string>, framework: Framework): string[] {
  return spec.reads.filter((key) => {
    if (!absent.has(key)) return false;
    const column = columnOf(framework, key);
    return !((column.type === 'category' || column.type === 'age') && framework.categories[column.category]?.unknown);
  });
}

function compile(framework: Framework): CompiledFramework {
  const cached = compiled.get(framework);
  if (cached) return cached;
  const templates = new Map(framework.figures.map((t) => [t.id, compileTemplate(t, framework)]));
  const figures = new Map<string, FigureSpec>();
  for (const figure of figuresOf(framework)) {
    const spec = templates.get(figure.template.id)!;
    if (spec.kind === 'sum_of') figures.set(figure.id, { ...spec, parts: figure.parts, reads: unique(figure.parts.flatMap((id) => figures.get(id)?.reads ?? [])) });
    else if (spec.kind === 'percentage') figures.set(figure.id, { kind: 'percentage', numerator: figure.parts[0]!, base: figure.parts[1]!, reads: unique(figure.parts.flatMap((id) => figures.get(id)?.reads ?? [])) });
    else if (spec.kind === 'count' && spec.by.length) figures.set(figure.id, overSubPeriod({ ...spec, terms: and(spec.terms, [breakdownAtoms(figure, framework)]), by: [] }, figure.template, figure.subPeriod, figure.id, framework));
    else if ((spec.kind === 'event_count' || spec.kind === 'event_cases') && spec.by.length)
      figures.set(figure.id, { ...spec, terms: and(spec.terms, [breakdownAtoms(figure, eventTableView(framework, spec.events))]), by: [] });
    else figures.set(figure.id, overSubPeriod(spec, figure.template, figure.subPeriod, figure.id, framework));
  }
  const result = { templates, figures };
  compiled.set(framework, result);
  return result;
}

/**
 * A spec counted over a month of the period or a rolling window to its end; for the period value of a figure
 * asked month by month, counted from its months as `monthsTotal` says (a flow the sum of its months' disjoint
 * terms, a stock its last or first month's), so its value equals its months' by construction.
 */
function overSubPeriod(spec: FigureSpec, template: FigureTemplate, within: SubPeriod | null, id: string, framework: Framework): FigureSpec {
  const months = subPeriodsOf(template, framework).filter((s) => s.kind === 'month');
  const monthIds = months.map((m) => `${id}.${subPeriodSuffix(m)}`);
  if (spec.kind === 'input' && within === null && months.length) return { kind: 'sum_of', parts: monthIds, reads: [] };
  if (spec.kind !== 'count' && spec.kind !== 'sum') return spec;
  if (within) return { ...spec, terms: inSubPeriod(spec.terms, within) };
  if (!months.length) return spec;
  switch (monthsTotal(template, framework)) {
    case 'sum':
      return { ...spec, terms: months.flatMap((m) => inSubPeriod(spec.terms, m)), months: monthIds };
    case 'last':
      return { ...spec, terms: inSubPeriod(spec.terms, months.at(-1)!), months: monthIds.slice(-1) };
    case 'first':
      return { ...spec, terms: inSubPeriod(spec.terms, months[0]!), months: monthIds.slice(0, 1) };
    case 'distinct':
      return spec;
  }
}

function compileTemplate(t: FigureTemplate, framework: Framework): FigureSpec {
  switch (t.kind) {
    case 'count': {
      const terms = and(populationTerms(t.population, framework), conditionTerms(t.where, t.anyOf, framework));
      return { kind: 'count', terms, by: t.by, reads: unique([...termColumns(terms), ...t.by]) };
    }
    case 'sum': {
      const terms = populationTerms(t.population, framework);
      return { kind: 'sum', terms, column: t.column, reads: unique([...termColumns(terms), t.column]) };
    }
    case 'sum_of':
      return { kind: 'sum_of', parts: [], reads: [] };
    case 'input':
      return { kind: 'input', reads: [] };
    case 'percentage':
      return { kind: 'percentage', numerator: t.numerator, base: t.base, reads: [] };
    case 'event_count':
    case 'event_cases': {
      const table = eventTableView(framework, t.events);
      const terms = and(windowTerms(['referred_in_period'], table), conditionTerms(t.where, t.anyOf, table));
      if (t.kind === 'event_count') return { kind: 'event_count', events: t.events, terms, by: t.by, reads: [] };
      const caseTerms = and(t.population ? populationTerms(t.population, framework) : [[]], conditionTerms(t.caseWhere, undefined, framework));
      return { kind: 'event_cases', events: t.events, terms, caseTerms, by: t.by, reads: unique(termColumns(caseTerms)) };
    }
    case 'duration': {
      const terms = durationTerms(t, t.population ? populationTerms(t.population, framework) : [countedCase(framework)], framework);
      return { kind: 'duration', from: t.from, to: t.to, unit: t.unit, terms, reads: unique([t.from, t.to, ...termColumns(terms)]) };
    }
    case 'waiting_average_number':
    case 'waiting_average_days': {
      const counted = countedCase(framework);
      const kind = t.kind === 'waiting_average_number' ? 'waiting_number' : 'waiting_days';
      return { kind, start: t.start, end: t.end, counted, reads: unique([t.start, t.end, ...termColumns([counted])]) };
    }
  }
}

/** The breakdown categories of an expanded figure as conditions; a numbered column's category is in any slot. */
function breakdownAtoms(figure: Figure, framework: Framework): Atom[] {
  return Object.entries(figure.categories).map(([column, id]): Atom => {
    const spec = columnOf(framework, column);
    return spec.type === 'category' && spec.repeat ? { test: 'has', column, value: id } : { test: 'in', column, values: [id] };
  });
}

/** The columns an atom reads: its own, and the one a time is measured from. */
export function atomColumns(atom: Atom): string[] {
  if (atom.test === 'gap') return [atom.column, atom.of];
  if (atom.test === 'not') return [atom.column, ...atomColumns(atom.atom)];
  return [atom.column];
}

function termColumns(terms: Term[]): string[] {
  return terms.flatMap((term) => term.map((atom) => atom.column));
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}
