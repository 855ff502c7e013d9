import { breakdownListOf, figuresOf } from '../../frameworks/expand';
import { instancesOf, matchFigures } from '../../frameworks/selectors';
import type { FigureCell, ReturnData } from '../checks/returnData';
import type { Finding } from '../checks/findings';
import { periodCharts, periodName, type PeriodChart } from './periodCharts';
import { judgeTargets, type TargetResult } from './targets';

/** A headline figure with what it is a part of, and how it moved since each earlier period. */
export interface Headline {
  id: string;
  label: string;
  value: FigureCell;
  /** The count it is part of (from the framework's subset rules): "120 of 340 victims supported". */
  base: { label: string; value: number } | null;
  previous: { period: string; value: FigureCell; change: number | null }[];
}

/** What the case rows kept in the workbook say about the data behind the figures. */
export interface CaseQuality {
  rows: number;
  /** Rows counted nowhere: a repeated Case ID, or no usable referral date. */
  notCounted: number;
  /** Rows whose values contradict each other, by the framework's row check. */
  contradictions: { title: string; rows: number }[];
}

export interface MeetingPack {
  title: string;
  commissioner: string;
  /** The provider's name from the return's provider cell, where it has one. */
  provider: string | null;
  source: string;
  period: string;
  previousPeriods: string[];
  headlines: Headline[];
  targets: TargetResult[];
  charts: PeriodChart[];
  /** Errors and queries still open, each with the provider's explanation when one was given. */
  findings: { severity: Finding['severity']; message: string; hint: string; cell: string | null; explanation: string | null }[];
  /** Each breakdown's not-stated share, from the framework's completeness rules. */
  notStated: { label: string; notStated: number; total: number }[];
  cases: CaseQuality | null;
}

const numberIn = (data: ReturnData, id: string): number | null => {
  if (data.held && !data.held.has(id)) return null;
  const value = data.values[id];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/**
 * Everything a contract manager takes into a performance meeting about one return, worked out from the return,
 * its earlier periods (oldest first), its findings and the provider's explanations; the faces only present it.
 */
export function meetingPack(current: ReturnData, previous: readonly ReturnData[], findings: readonly Finding[], explanationOf: (finding: Finding) => string | null, cases: CaseQuality | null, provider: string | null = null): MeetingPack {
  const { framework } = current;
  const figures = figuresOf(framework);
  const ids = figures.map((f) => f.id);
  const held = (id: string) => !current.held || current.held.has(id);
  const byId = new Map(figures.map((f) => [f.id, f]));

  // A figure's base: the wholes of the first subset rule it is a part of.
  const bases = new Map<string, string[]>();
  for (const rule of framework.rules)
    if (rule.kind === 'subset')
      for (const instance of instancesOf(rule, framework))
        if (instance.kind === 'subset') for (const part of matchFigures(instance.part, ids)) if (!bases.has(part)) bases.set(part, matchFigures(instance.whole, ids));

  const headlines: Headline[] = figures
    .filter((f) => Object.keys(f.categories).length === 0 && f.template.kind !== 'input' && held(f.id))
    .map((f) => {
      const value = current.values[f.id] ?? null;
      const wholes = bases.get(f.id) ?? [];
      const wholeValues = wholes.map((w) => numberIn(current, w));
      const base = wholes.length && wholeValues.every((v) => v !== null) ? { label: wholes.map((w) => byId.get(w)!.label).join(' + '), value: wholeValues.reduce<number>((a, b) => a + b!, 0) } : null;
      return {
        id: f.id,
        label: f.label,
        value,
        base,
        previous: previous.map((p) => {
          const before = p.held && !p.held.has(f.id) ? null : (p.values[f.id] ?? null);
          return { period: periodName(p), value: before, change: typeof value === 'number' && typeof before === 'number' ? value - before : null };
        }),
      };
    });

  const notStated = framework.rules.flatMap((rule) =>
    rule.kind !== 'completeness'
      ? []
      : instancesOf(rule, framework).flatMap((instance) => {
          if (instance.kind !== 'completeness' || !held(instance.unknown)) return [];
          const parts = matchFigures(instance.breakdown, ids).map((id) => numberIn(current, id));
          const unknown = numberIn(current, instance.unknown);
          if (unknown === null || parts.some((p) => p === null)) return [];
          const column = Object.keys(byId.get(instance.unknown)!.categories)[0];
          return [{ label: column ? breakdownListOf(framework, byId.get(instance.unknown)!, column).label : byId.get(instance.unknown)!.label, notStated: unknown, total: parts.reduce<number>((a, b) => a + b!, 0) }];
        }),
  );

  return {
    title: framework.title,
    commissioner: framework.commissioner,
    provider,
    source: current.source,
    period: periodName(current),
    previousPeriods: previous.map(periodName),
    headlines,
    targets: judgeTargets(current),
    charts: periodCharts([...previous, current]),
    findings: findings
      .filter((f) => f.severity !== 'info')
      .map((f) => ({ severity: f.severity, message: f.message, hint: f.hint, cell: f.cells[0] ?? null, explanation: explanationOf(f) })),
    notStated,
    cases,
  };
}
