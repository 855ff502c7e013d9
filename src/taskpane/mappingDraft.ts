import type { TemplateMapping } from '../commands/mapTemplate';
import { cellReference, type Mapping } from '../engine/mapping/mapping';
import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import { parseSheetCell, sheetCell } from '../workbook/addresses';

/** How a figure came by its cell: the mapper was sure, or unsure, or the person bound it. */
export type Mark = 'sure' | 'unsure' | 'by hand';

/** A mapping as the person corrects it in the pane, with how each binding came about. */
export interface MappingDraft {
  mapping: Mapping;
  marks: Record<string, Mark>;
  /** The cells the mapper considered for a figure it left unmapped, best first. */
  considered: Record<string, string[]>;
}

export function draftOf(proposal: TemplateMapping): MappingDraft {
  return {
    mapping: proposal.mapping,
    marks: Object.fromEntries(proposal.bindings.map((b) => [b.figure, b.confidence])),
    considered: Object.fromEntries(proposal.unmapped.map((u) => [u.figure, u.candidates.map((c) => c.cell)])),
  };
}

/** A typed cell as Excel writes it ("section a!d5" → 'section a'!D5), or null when it is not a cell of a sheet. */
export function typedCell(text: string): string | null {
  const trimmed = text.trim();
  if (!cellReference.safeParse(trimmed).success) return null;
  const { sheet, cell } = parseSheetCell(trimmed);
  return sheetCell(sheet, cell.toUpperCase());
}

/**
 * Binds a figure to a cell by hand. A cell holds one figure, so a figure bound there before loses it (and is
 * named, for the person to see); a hand binding keeps no anchor, since its label was not read.
 */
export function bindFigure(draft: MappingDraft, figure: string, cell: string): { draft: MappingDraft; displaced: string | null } {
  const displaced = Object.entries(draft.mapping.cells).find(([id, c]) => c === cell && id !== figure)?.[0] ?? null;
  const without = displaced ? unbindFigure(draft, displaced) : draft;
  const { [figure]: _, ...anchors } = without.mapping.anchors ?? {};
  return {
    draft: { ...without, mapping: { ...without.mapping, cells: { ...without.mapping.cells, [figure]: cell }, anchors }, marks: { ...without.marks, [figure]: 'by hand' } },
    displaced,
  };
}

export function unbindFigure(draft: MappingDraft, figure: string): MappingDraft {
  const { [figure]: _cell, ...cells } = draft.mapping.cells;
  const { [figure]: _anchor, ...anchors } = draft.mapping.anchors ?? {};
  const { [figure]: _mark, ...marks } = draft.marks;
  return { ...draft, mapping: { ...draft.mapping, cells, anchors }, marks };
}

export interface SectionCount {
  id: string;
  label: string;
  figures: { id: string; label: string; cell: string | null; mark: Mark | 'not mapped'; considered: string[] }[];
  counts: Record<Mark | 'not mapped', number>;
}

/** The framework's sections with each figure's cell and mark, and how many of each: what the pane lists. */
export function sectionsOf(framework: Framework, draft: MappingDraft): SectionCount[] {
  const figures = figuresOf(framework);
  return framework.sections.flatMap((section) => {
    const listed = figures
      .filter((f) => f.section === section.id)
      .map((f) => ({ id: f.id, label: f.label, cell: draft.mapping.cells[f.id] ?? null, mark: draft.marks[f.id] ?? ('not mapped' as const), considered: draft.considered[f.id] ?? [] }));
    if (!listed.length) return [];
    const counts = { sure: 0, unsure: 0, 'by hand': 0, 'not mapped': 0 };
    for (const f of listed) counts[f.mark]++;
    return [{ id: section.id, label: section.label, figures: listed, counts }];
  });
}
