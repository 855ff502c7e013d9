import type { Framework } from '../frameworks/schema';
import type { SheetGrid } from '../engine/mapping/grid';
import { mappingFrameworkIssues, type Mapping, type MappingIssue } from '../engine/mapping/mapping';
import { validateMapping } from '../engine/mapping/validateMapping';
import { InputError } from '../errors';
import { proposeMapping, type Binding, type MappingProposal } from '../engine/mapping/proposeMapping';
import { reanchorMapping, type Move } from '../engine/mapping/reanchor';
import type { WorkbookPort } from '../workbook/port';
import { FINDINGS_SHEET } from './annotateReturn';
import { MAPPING_SHEET } from './mappedWorkbook';
import { CASE_DATA_SHEET, CASES_SHEET, REPLACED_SHEET } from './returnLayout';

/** Sheets this product adds to a workbook: never part of the commissioner's template. */
const OWN_SHEETS = new Set([CASE_DATA_SHEET, CASES_SHEET, FINDINGS_SHEET, REPLACED_SHEET, MAPPING_SHEET]);

/** The commissioner's sheets of a workbook, as grids. */
export async function templateGrids(port: WorkbookPort): Promise<SheetGrid[]> {
  const grids: SheetGrid[] = [];
  for (const sheet of await port.sheetNames()) if (!OWN_SHEETS.has(sheet)) grids.push(await port.readGrid(sheet));
  return grids;
}

/**
 * Refuses a mapping that does not fit its framework or this workbook, before anything is read or written: one
 * message, headed by `what`, naming each problem where it is, then `whatToDo`.
 */
export async function refuseUnfitMapping(port: WorkbookPort, mapping: Mapping, framework: Framework, purpose: 'fill' | 'read', what: string, whatToDo = ''): Promise<void> {
  const issues = [...mappingFrameworkIssues(mapping, framework), ...validateMapping(mapping, await templateGrids(port), purpose)];
  if (issues.length) throw new InputError(`${what}:\n${describeMappingIssues(issues)}${whatToDo ? `\n${whatToDo}` : ''}`);
}

/** Mapping problems, one a line, each at its place. */
export function describeMappingIssues(issues: MappingIssue[]): string {
  return issues.map((i) => `  ${i.at}: ${i.message}`).join('\n');
}

export interface TemplateMapping extends MappingProposal {
  /** Bindings of last period's mapping that followed their label to another cell, or were lost. */
  moves: Move[];
}

/**
 * Maps a commissioner's template: proposes a cell for every figure from the template's own words; with last
 * period's mapping, keeps its bindings (moved with their labels where rows were inserted) and proposes only
 * for the figures and cells it leaves free.
 */
export async function mapTemplate(port: WorkbookPort, framework: Framework, previous: Mapping | null = null): Promise<TemplateMapping> {
  const grids = await templateGrids(port);
  const proposal = proposeMapping(framework, grids);
  if (!previous) return { ...proposal, moves: [] };
  const { mapping: kept, moves } = reanchorMapping(previous, grids);
  const keptCells = new Set(Object.values(kept.cells));
  const keptBindings: Binding[] = Object.entries(kept.cells).map(([figure, cell]) => ({
    figure,
    cell,
    confidence: 'sure',
    score: 1,
    matched: kept.anchors?.[figure]?.label ?? 'last period\'s mapping',
    ...(kept.anchors?.[figure] ? { anchor: kept.anchors[figure]! } : {}),
  }));
  const proposed = proposal.bindings.filter((b) => !(b.figure in kept.cells) && !keptCells.has(b.cell));
  const bindings = [...keptBindings, ...proposed];
  const bound = new Set(bindings.map((b) => b.figure));
  return {
    mapping: {
      ...proposal.mapping,
      cells: Object.fromEntries(bindings.map((b) => [b.figure, b.cell])),
      anchors: Object.fromEntries(bindings.flatMap((b) => (b.anchor ? [[b.figure, b.anchor]] : []))),
      ...(previous.period ? { period: previous.period } : {}),
      ...(previous.provider ? { provider: previous.provider } : {}),
    },
    bindings,
    unmapped: proposal.unmapped.filter((u) => !bound.has(u.figure)),
    unclaimed: proposal.unclaimed.filter((u) => !keptCells.has(u.cell)),
    moves,
  };
}
