import type { ReadReturn } from '../commands/readReturn';
import type { Finding } from '../engine/checks/findings';
import { figuresOf } from '../frameworks/expand';

/** A figure as the return holds it, with the findings that touch it. */
export interface FigureRow {
  id: string;
  label: string;
  value: string;
  /** Its cell, as Outputs!C20. */
  cell: string;
  findings: Finding[];
}

export interface SectionRows {
  id: string;
  label: string;
  figures: FigureRow[];
}

/** The return's figures section by section, in the commissioner's order: the table a person reads the return by. */
export function returnFigures(read: ReadReturn, findings: readonly Finding[]): SectionRows[] {
  const { framework, values, cells } = read.data;
  const byFigure = new Map<string, Finding[]>();
  for (const finding of findings) for (const id of finding.figures) byFigure.set(id, [...(byFigure.get(id) ?? []), finding]);
  const figures = figuresOf(framework).filter((f) => cells[f.id] !== undefined);
  return framework.sections.flatMap((section) => {
    const rows = figures
      .filter((f) => f.section === section.id)
      .map((f) => ({ id: f.id, label: f.label, value: shown(values[f.id]), cell: cells[f.id]!, findings: byFigure.get(f.id) ?? [] }));
    return rows.length ? [{ id: section.id, label: section.label, figures: rows }] : [];
  });
}

const shown = (value: number | string | null | undefined) => (value === null || value === undefined || value === '' ? 'blank' : String(value));

/** The figure a cell holds, if any: Excel names a sheet with quotes only where it must, so both spellings match. */
export function figureAt(sections: readonly SectionRows[], cell: string): FigureRow | null {
  const plain = (c: string) => c.replace(/'/g, '').toUpperCase();
  for (const section of sections) for (const figure of section.figures) if (plain(figure.cell) === plain(cell)) return figure;
  return null;
}
