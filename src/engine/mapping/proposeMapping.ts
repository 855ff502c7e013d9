import { categoryListOf, type Figure } from '../../frameworks/expand';
import { breakdownBy, mappingView } from './eventBreakdowns';
import type { Framework } from '../../frameworks/schema';
import type { SheetGrid } from './grid';
import { CategoryNames, type NamedCategory } from './categoryNames';
import { coverage, labelKey, labelSimilarity, labelWords, wordWeights, type WordWeight } from './labelText';
import { parseRange } from '../../workbook/addresses';
import type { Anchor, Mapping } from './mapping';
import { TemplateSheet, type LabelRow } from './templateSheet';

/** How far the mapper trusts a binding: sure ones need no look; unsure ones are bound but shown for a check. */
export type Confidence = 'sure' | 'unsure';

export interface Binding {
  figure: string;
  /** Sheet and cell as Excel writes them: Outputs!C20. */
  cell: string;
  confidence: Confidence;
  score: number;
  /** The template's words that matched. */
  matched: string;
  /** What the cell's row said, to re-anchor next period's copy; absent for a binding someone set by hand. */
  anchor?: Anchor;
}

export interface Candidate {
  cell: string;
  matched: string;
  score: number;
}

export interface MappingProposal {
  mapping: Mapping;
  bindings: Binding[];
  /** Figures left unbound, with the cells considered for them (best first). */
  unmapped: { figure: string; label: string; candidates: Candidate[] }[];
  /** Cells that look like inputs (shaded, or a number beside a label) that no figure claims. */
  unclaimed: { cell: string; label: string }[];
}

const SURE = { score: 0.8, margin: 0.2 };
const UNSURE = { score: 0.6, margin: 0.15 };
/** A breakdown member met outside its table is less likely than a headline figure with the same words. */
const MEMBER_OUTSIDE_TABLE = 0.9;
/** A short row in a breakdown's run that names no category of it. */
const BESIDE_BLOCK = 0.6;
/** A headline figure under another section's heading: possible (templates group questions their own way), but less likely. */
const OUTSIDE_SECTION = 0.75;
/** A table's Total column repeats a figure a standalone table may hold too: that one wins. */
const TOTAL_OF_TABLE = 0.9;

interface Claim {
  figure: string;
  sheet: TemplateSheet;
  row: number;
  column: number;
  score: number;
  matched: string;
  anchor: Anchor;
}

/** What the mapper knows of a framework's words: how much each word weighs, and its categories' names. */
class Vocabulary {
  readonly weigh: WordWeight;
  private readonly names = new Map<string, CategoryNames>();

  constructor(readonly framework: Framework) {
    const wordings = [
      ...framework.sections.flatMap((s) => [s.label, ...s.aliases]),
      ...framework.figures.flatMap((f) => [f.label, ...f.aliases]),
      ...Object.values(framework.categories).flatMap((l) => l.items.flatMap((i) => [i.label, ...i.aliases])),
    ];
    this.weigh = wordWeights(wordings);
    this.expansions = new Map(Object.entries(framework.abbreviations).map(([short, long]) => [short.toLowerCase(), long]));
    const escaped = [...this.expansions.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    // Whole words only: "MH" in "MH needs", never inside "Mhairi".
    this.abbreviations = escaped.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
  }

  category(columnKey: string, text: string): NamedCategory | null {
    const key = `${columnKey}\u0000${text}`;
    if (this.found.has(key)) return this.found.get(key)!;
    const names = this.names.get(columnKey) ?? new CategoryNames(this.framework, columnKey, (t) => this.expand(t));
    this.names.set(columnKey, names);
    const found = names.find(this.expand(text));
    this.found.set(key, found);
    return found;
  }

  /** A template names the same categories over and over (every table's rows): each is worked out once. */
  private readonly found = new Map<string, NamedCategory | null>();

  similarity(label: string, wordings: readonly string[]): number {
    return labelSimilarity(this.expand(label), wordings, this.weigh);
  }

  /**
   * How well a short label or heading is said by one of some wordings: their similarity, raised when the
   * label's words are all in a wording ("Referrals" in "New referrals in the period"; "of whom: additional
   * needs" in "Presented with additional needs").
   */
  relevance(label: string, wordings: readonly string[]): number {
    const similarity = this.similarity(label, wordings);
    return Math.max(similarity, (coverage(this.expand(label), wordings, this.weigh) + Math.min(1, similarity)) / 2);
  }

  /** How much of a wording a label holds: 1 when every word of the wording is in it. */
  coverageOf(wording: string, label: string): number {
    return coverage(wording, [this.expand(label)], this.weigh, true);
  }

  /** A label with the framework's abbreviations written out: "MH needs" → "mental health needs". */
  expand(text: string): string {
    return this.abbreviations ? text.replace(this.abbreviations, (found) => this.expansions.get(found.toLowerCase()) ?? found) : text;
  }

  private readonly expansions: Map<string, string>;
  private readonly abbreviations: RegExp | null;
}

/**
 * Proposes a binding for every figure of a framework from a commissioner's template's own words. Section
 * headings scope the rows under them; runs of rows naming a list's categories are breakdowns; a row of
 * categories over rows of another list's categories is a cross-table; other rows are matched to headline
 * figures by their wording and the framework's aliases. Each cell holds one figure and each figure one cell;
 * a tie or a weak match is left unmapped with its candidates, because a wrong binding puts a true number in
 * the wrong box of an official return.
 */
export function proposeMapping(framework: Framework, grids: SheetGrid[]): MappingProposal {
  // Event breakdowns are read over their event table's columns (eventBreakdowns.ts).
  const { framework: view, figures } = mappingView(framework);
  const v = new Vocabulary(view);
  const claims: Claim[] = [];
  const period: Partial<Record<'from' | 'to' | 'provider', string>> = {};
  for (const grid of grids.filter((g) => !g.hidden)) {
    const sheet = new TemplateSheet(grid);
    for (const block of sideBySide(grid, sheet)) claims.push(...claimsOfSheet(v, figures, new TemplateSheet(block)));
    Object.assign(period, { ...detailsOfSheet(sheet), ...period });
  }
  return resolve(framework, figures, claims, grids, period);
}

/**
 * A sheet laid out as blocks side by side (labels and numbers in A:B, more labels and numbers in D:E), as
 * sheets of their own, so each block's headings scope its own rows. A block starts where at least two rows
 * have a second, short label after the first one's cells.
 */
function sideBySide(grid: SheetGrid, sheet: TemplateSheet): SheetGrid[] {
  const starts = new Map<number, number>();
  for (const row of sheet.rows)
    for (const label of sheet.labelsOf(row).slice(1))
      if (!isInstruction(label.label) && label.label.split(/\s+/).length <= 12) starts.set(label.firstColumn, (starts.get(label.firstColumn) ?? 0) + 1);
  const edges = [...starts].filter(([, rows]) => rows >= 2).map(([column]) => column).sort((a, b) => a - b);
  if (!edges.length) return [grid];
  const bounds = [1, ...edges, Number.POSITIVE_INFINITY];
  return bounds.slice(0, -1).map((from, i) => {
    const to = bounds[i + 1]! - 1;
    const inside = (column: number) => column >= from && column <= to;
    return {
      ...grid,
      cells: grid.cells.filter((c) => inside(c.column)),
      merges: grid.merges.filter((m) => inside(parseRange(m).left)),
      hiddenColumns: grid.hiddenColumns.filter(inside),
    };
  });
}

/** Every figure a sheet's rows could hold, with a score each. */
function claimsOfSheet(v: Vocabulary, figures: Figure[], sheet: TemplateSheet): Claim[] {
  const claims: Claim[] = [];
  const rows = sheet.rows.map((r) => sheet.labelRow(r)).filter((r): r is LabelRow => r !== null);
  const scopes = sectionScopes(v, sheet, rows);
  const inTable = new Set<number>();

  for (const table of crossTables(v, figures, sheet, rows, scopes)) {
    claims.push(...table.claims);
    table.rows.forEach((r) => inTable.add(r));
  }
  for (const block of breakdownBlocks(v, figures, sheet, rows, scopes, inTable)) {
    claims.push(...block.claims);
    block.rows.forEach((r) => inTable.add(r));
  }
  const details = new Set(Object.values(detailsOfSheet(sheet)));
  const blockRows = new Set([...inTable]);
  // A lone word in a breakdown's run that names none of its categories ("Self" among sources) is a
  // category the framework cannot place, not a headline figure.
  const besideBlock = (label: LabelRow) => labelWords(label.label).length <= 1 && (blockRows.has(label.row - 1) || blockRows.has(label.row + 1));
  for (const label of rows) {
    // A heading labels what is under it, not a cell beside it; instructions and the period's cells label no figure.
    if (inTable.has(label.row) || label.heading || isInstruction(label.label) || saysOnlyTotal(label.label)) continue;
    const column = sheet.inputFor(label);
    if (column === null || details.has(sheet.reference(label.row, column))) continue;
    const scope = scopes.get(label.row) ?? null;
    for (const figure of figures) {
      const template = figure.template;
      const by = breakdownBy(template);
      const outside = scope !== null && figure.section !== scope;
      if (by.length > 1 || (outside && by.length)) continue;
      const score = by.length
        ? memberScore(v, figure, by[0]!, label.label)
        : v.relevance(label.label, [template.label, ...template.aliases]) * (outside ? OUTSIDE_SECTION : 1) * (besideBlock(label) ? BESIDE_BLOCK : 1);
      if (score >= 0.4) claims.push(claimAt(figure.id, sheet, label, column, score, rows));
    }
  }
  return claims;
}

/** "Total", "Grand total": which total, the label does not say. */
function saysOnlyTotal(text: string): boolean {
  return labelWords(text).every((w) => ['total', 'overall', 'sum', 'grand', 'subtotal'].includes(w));
}

/** Guidance written as sentences ("Enter whole numbers only. Leave blank …"), not a question. */
function isInstruction(text: string): boolean {
  return /[.!?]\s+\p{Lu}/u.test(text) || text.split(/\s+/).length > 40 || /^(?:please|enter|do not|don't|use|leave|note)\b/i.test(text.trim());
}

/**
 * A breakdown's member named by a row of its own ("Number of victims who received ongoing support"): the
 * row must name the category, not only the breakdown ("New referrals this quarter" is no source's).
 */
function memberScore(v: Vocabulary, figure: Figure, key: string, label: string): number {
  const item = categoryListOf(v.framework, key).items.find((i) => i.id === figure.categories[key])!;
  const base = new Set(labelWords(figure.template.label.replace(/<[a-z0-9_]+>/g, '')));
  const own = new Set([item.label, ...item.synonyms].flatMap((t) => labelWords(v.expand(t))).filter((w) => !base.has(w)));
  if (!labelWords(v.expand(label)).some((w) => own.has(w))) return 0;
  return v.similarity(label, [figure.label, ...item.aliases]) * MEMBER_OUTSIDE_TABLE;
}

/** The framework section each row falls under: set by the nearest heading above that names one (or the sheet's name). */
function sectionScopes(v: Vocabulary, sheet: TemplateSheet, rows: LabelRow[]): Map<number, string | null> {
  const scopes = new Map<number, string | null>();
  const sectionOf = (text: string): string | null => {
    let best: { id: string; score: number } | null = null;
    let second = 0;
    for (const section of v.framework.sections) {
      const wordings = [section.label, ...section.aliases];
      const score = v.relevance(text, wordings);
      if (!best || score > best.score) {
        second = best?.score ?? 0;
        best = { id: section.id, score };
      } else second = Math.max(second, score);
    }
    return best && best.score >= 0.6 && best.score - second >= 0.1 ? best.id : null;
  };
  let current = sectionOf(sheet.name);
  for (const label of rows) {
    if (label.heading) {
      const section = sectionOf(label.label);
      if (section) current = section;
    }
    scopes.set(label.row, current);
  }
  return scopes;
}

/** Whether a label names a category of any list crossed with `across`. */
function namesCategoryCrossedWith(v: Vocabulary, twoWay: Figure[][], across: string, text: string): boolean {
  return twoWay.some((members) => (members[0]!.template as { by: string[] }).by.some((key) => key !== across && v.category(key, text) !== null));
}

const TOTAL = /^(?:total|totals|all|grand total|overall|sum)\b/i;

/** The words a table's heading would use for a breakdown: its group label, aliases, and its list's names. */
function breakdownWordings(framework: Framework, figure: Figure, columnKey: string): string[] {
  const template = figure.template;
  const list = categoryListOf(framework, columnKey);
  const column = framework.columns.find((c) => c.key === columnKey);
  return [template.groupLabel ?? '', template.label.replace(/[:\s]*<[a-z0-9_]+>.*$/, ''), ...template.aliases, list.label, ...list.aliases, column?.header ?? '', ...(column?.synonyms ?? [])].filter(
    (w) => w.trim() !== '',
  );
}

/** The text just above a row: the heading a table or block sits under. */
/** The nearest heading above a row (within a screenful), else the row just above it. */
function headingAbove(rows: LabelRow[], row: number, within = 15): string {
  const above = rows.filter((r) => r.row < row && r.row >= row - within);
  return [...above].reverse().find((r) => r.heading)?.label ?? above[above.length - 1]?.label ?? '';
}

/** How well a heading names a breakdown: like its wordings, or holding one of them ("Victims supported – gender"). */
function contextScore(v: Vocabulary, context: string, wordings: string[]): number {
  return Math.max(v.similarity(context, wordings), ...wordings.map((w) => v.coverageOf(w, context)));
}

function contextAbove(rows: LabelRow[], row: number, within = 3): string {
  const above = rows.filter((r) => r.row < row && r.row >= row - within);
  return above.length ? above[above.length - 1]!.label : '';
}

interface Table {
  rows: number[];
  claims: Claim[];
}

/** Templates (count figures broken down by exactly these columns), by their `by` columns. */
function templatesBy(figures: Figure[], size: number): Map<string, Figure[]> {
  const groups = new Map<string, Figure[]>();
  for (const figure of figures) {
    const t = figure.template;
    if (breakdownBy(t).length !== size) continue;
    const key = `${t.id}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  return groups;
}

/**
 * Cross-tables: a row naming at least two categories of one list heads columns; the rows under it name
 * categories of another list; the template broken down by both, in the section in scope, gives each cell.
 * A Total column binds the one-way breakdown by the rows' list; a Total row the one by the columns' list.
 */
function crossTables(v: Vocabulary, figures: Figure[], sheet: TemplateSheet, rows: LabelRow[], scopes: Map<number, string | null>): Table[] {
  const twoWay = [...templatesBy(figures, 2).values()];
  const oneWay = [...templatesBy(figures, 1).values()];
  const acrossKeys = [...new Set([...twoWay, ...oneWay].flatMap((members) => (members[0]!.template as { by: string[] }).by))];
  const tables: Table[] = [];
  const used = new Set<number>();
  for (const header of rows) {
    if (used.has(header.row)) continue;
    const scope = scopes.get(header.row) ?? null;
    // The list the header row names: the one naming most of its cells, clearly ("Other" is in many lists).
    const headed = acrossKeys
      .map((across) => ({ across, ...headerColumns(v, sheet, header.row, across) }))
      .sort((a, b) => b.columns.size - a.columns.size);
    const [top, next] = headed;
    if (!top || top.columns.size < 2 || (next && next.columns.size >= top.columns.size)) continue;
    {
      const { across, columns, totalColumn } = top;
      const firstColumn = Math.min(...columns.keys());
      const body: { row: number; label: string }[] = [];
      // The body: the rows straight under the header, labelled left of the categories, up to a gap or a heading.
      for (let row = header.row + 1; ; row++) {
        const label = sheet.labelRow(row);
        if (!label || label.firstColumn >= firstColumn || (label.heading && !namesCategoryCrossedWith(v, twoWay, across, label.label))) break;
        body.push({ row, label: label.label });
      }
      // Which list the rows name: the two-way template in scope whose other column names most of them.
      const context = `${sheet.text(header.row, header.firstColumn)} ${contextAbove(rows, header.row)}`;
      const choices = twoWay
        .filter((members) => (scope === null || members[0]!.section === scope) && (members[0]!.template as { by: string[] }).by.includes(across))
        .map((members) => {
          const down = (members[0]!.template as { by: string[] }).by.find((k) => k !== across)!;
          const named = body.filter((b) => v.category(down, b.label) !== null).length;
          return { members, down, named, context: v.similarity(context, breakdownWordings(v.framework, members[0]!, down)) };
        })
        .filter((c) => c.named >= 1)
        .sort((a, b) => b.named + b.context - (a.named + a.context));
      const best = choices[0];
      if (!best) {
        // No list down the side: a breakdown laid across one row, under its categories.
        const across1 = horizontalBreakdown(v, oneWay, figures, sheet, header, columns, body, scope, rows);
        if (across1) {
          tables.push(across1);
          used.add(header.row);
        }
        continue;
      }
      const runnerUp = choices[1];
      if (runnerUp && runnerUp.named + runnerUp.context >= best.named + best.context - 0.5) continue;
      const claims: Claim[] = [];
      const totalsOf = oneWay.find((m) => m[0]!.section === best.members[0]!.section && (m[0]!.template as { by: string[] }).by[0] === best.down);
      const columnTotalsOf = oneWay.find((m) => m[0]!.section === best.members[0]!.section && (m[0]!.template as { by: string[] }).by[0] === across);
      for (const { row, label } of body) {
        const down = v.category(best.down, label)?.id;
        const labelRow = sheet.labelRow(row)!;
        if (!down && TOTAL.test(label) && columnTotalsOf)
          for (const [column, category] of columns) {
            const total = columnTotalsOf.find((f) => f.categories[across] === category);
            if (total && sheet.isInput(row, column)) claims.push(claimAt(total.id, sheet, labelRow, column, TOTAL_OF_TABLE, rows, sheet.text(header.row, column)));
          }
        if (down) {
          for (const [column, category] of columns) {
            const figure = best.members.find((f) => f.categories[best.down] === down && f.categories[across] === category);
            if (figure && sheet.isInput(row, column)) claims.push(claimAt(figure.id, sheet, labelRow, column, 1, rows, sheet.text(header.row, column)));
          }
          const total = totalsOf?.find((f) => f.categories[best.down] === down);
          if (total && totalColumn !== null && sheet.isInput(row, totalColumn)) claims.push(claimAt(total.id, sheet, labelRow, totalColumn, TOTAL_OF_TABLE, rows, sheet.text(header.row, totalColumn)));
        }
      }
      if (!claims.length) continue;
      tables.push({ rows: [header.row, ...body.map((b) => b.row)], claims });
      used.add(header.row);
      body.forEach((b) => used.add(b.row));
    }
  }
  return tables;
}

/**
 * A breakdown laid across: categories of one list head the columns and the single row under them holds the
 * figures; the other headings of that row ("Total outcomes") are matched to headline figures by their words.
 */
function horizontalBreakdown(
  v: Vocabulary,
  oneWay: Figure[][],
  figures: Figure[],
  sheet: TemplateSheet,
  header: LabelRow,
  columns: Map<number, string>,
  body: { row: number }[],
  scope: string | null,
  rows: LabelRow[],
): Table | null {
  const across = oneWay.filter((m) => (scope === null || m[0]!.section === scope) && Object.keys(m[0]!.categories)[0] === columnOf(m[0]!, columns, v));
  if (across.length !== 1 || body.length !== 1) return null;
  const row = body[0]!.row;
  const label = sheet.labelRow(row)!;
  const members = across[0]!;
  const key = Object.keys(members[0]!.categories)[0]!;
  const claims: Claim[] = [];
  for (const [column, category] of columns) {
    const figure = members.find((f) => f.categories[key] === category);
    if (figure && sheet.isInput(row, column)) claims.push(claimAt(figure.id, sheet, label, column, 1, rows, sheet.text(header.row, column)));
  }
  for (let column = Math.min(...columns.keys()) + 1; column <= sheet.lastColumn; column++) {
    const heading = sheet.text(header.row, column);
    if (columns.has(column) || !heading || !sheet.isInput(row, column)) continue;
    for (const figure of figures) {
      const t = figure.template;
      if ((scope !== null && figure.section !== scope) || breakdownBy(t).length) continue;
      const score = v.relevance(heading, [t.label, ...t.aliases]);
      if (score >= 0.4) claims.push(claimAt(figure.id, sheet, label, column, score, rows, heading));
    }
  }
  return claims.length ? { rows: [header.row, row], claims } : null;
}

/** The `by` column whose categories a header row names (all its named columns come from one list). */
function columnOf(figure: Figure, columns: Map<number, string>, v: Vocabulary): string | undefined {
  const key = Object.keys(figure.categories)[0];
  if (!key) return undefined;
  const ids = new Set(categoryListOf(v.framework, key).items.map((i) => i.id));
  return [...columns.values()].every((c) => ids.has(c)) ? key : undefined;
}

/** A header row's cells naming categories of a list, by column, and the Total column after them. */
function headerColumns(v: Vocabulary, sheet: TemplateSheet, row: number, across: string): { columns: Map<number, string>; totalColumn: number | null } {
  const columns = new Map<number, string>();
  let totalColumn: number | null = null;
  for (let column = 1; column <= sheet.lastColumn; column++) {
    const text = sheet.text(row, column);
    if (!text) continue;
    const category = v.category(across, text);
    if (category) columns.set(column, category.id);
    else if (TOTAL.test(text) && columns.size) totalColumn = column;
  }
  return { columns, totalColumn };
}

/**
 * Breakdowns as runs of rows: consecutive rows each naming a category of one list, under a heading; the
 * breakdown in scope by that list (the heading decides between several) gives each row's figure.
 */
function breakdownBlocks(v: Vocabulary, figures: Figure[], sheet: TemplateSheet, rows: LabelRow[], scopes: Map<number, string | null>, inTable: Set<number>): Table[] {
  const oneWay = [...templatesBy(figures, 1).values()];
  const keys = [...new Set(oneWay.map((m) => (m[0]!.template as { by: string[] }).by[0]!))];
  const candidates: { key: string; rows: LabelRow[]; categories: NamedCategory[]; unresolved?: LabelRow[] }[] = [];
  for (const key of keys) {
    let run: LabelRow[] = [];
    let categories: NamedCategory[] = [];
    const close = () => {
      if (run.length) candidates.push({ key, rows: run, categories });
      run = [];
      categories = [];
    };
    for (const label of rows) {
      if (inTable.has(label.row)) {
        close();
        continue;
      }
      // A row that leads with another list's name ("Gender – Not stated") is that list's, whatever else it says.
      const found = v.category(key, label.label);
      const category = found && !found.listNamed && keys.some((other) => other !== key && v.category(other, label.label)?.listNamed) ? null : found;
      const previous = run[run.length - 1];
      if (previous && label.row - previous.row > 2) close();
      if (category) {
        run.push(label);
        categories.push(category);
      } else if (!TOTAL.test(label.label)) close();
    }
    close();
  }
  // Two rows naming one category ("White British", "White Other") split it: neither is the category's figure.
  for (const candidate of candidates) {
    const split = new Set(candidate.categories.filter((c, i) => candidate.categories.findIndex((d) => d.id === c.id) !== i).map((c) => c.id));
    candidate.unresolved = candidate.rows.filter((_, i) => split.has(candidate.categories[i]!.id));
  }
  // A row belongs to the longest run naming it; runs of equal length over the same rows are told apart by heading.
  const blocks: Table[] = [];
  const taken = new Set<number>();
  candidates.sort((a, b) => b.rows.length - a.rows.length);
  for (const candidate of candidates) {
    if (candidate.rows.some((r) => taken.has(r.row))) continue;
    const first = candidate.rows[0]!;
    const scope = scopes.get(first.row) ?? null;
    const context = headingAbove(rows, first.row);
    const rivals = candidates.filter((c) => c !== candidate && c.rows.length === candidate.rows.length && c.rows.some((r) => candidate.rows.includes(r)));
    // Rows that each lead with the list's name ("Gender – Female") name it as a heading would.
    const rowsNameList = candidate.categories.every((c) => c.listNamed);
    const choices = breakdownChoices(v, oneWay, candidate.key, scope, context, rowsNameList);
    const best = choices[0];
    if (!best) continue;
    // Several breakdowns by this list: the heading must say which.
    if (choices.length > 1 && best.context - choices[1]!.context < 0.2) continue;
    // Runs of another list over the same rows ("Not known" is in many lists): the heading must name ours,
    // or say more for it than for theirs.
    const named = rowsNameList || namesList(v, context, candidate.key);
    const rivalry = rivals.filter((r) => breakdownChoices(v, oneWay, r.key, scope, context).length > 0);
    if (rivalry.some((r) => namesList(v, context, r.key) && !named)) continue;
    if (!named && rivalry.some((r) => best.context - (breakdownChoices(v, oneWay, r.key, scope, context)[0]?.context ?? 0) < 0.2)) continue;
    // One named row alone is a breakdown only under a heading that says so.
    if (candidate.rows.length < 2 && best.context < 0.6 && !rowsNameList) continue;
    const claims: Claim[] = [];
    candidate.rows.forEach((label, i) => {
      const category = candidate.categories[i]!;
      if (candidate.unresolved?.includes(label)) return;
      const figure = best.members.find((f) => f.categories[candidate.key] === category.id);
      const column = sheet.inputFor(label);
      if (figure && column !== null) claims.push(claimAt(figure.id, sheet, label, column, category.score, rows));
    });
    candidate.rows.forEach((r) => taken.add(r.row));
    blocks.push({ rows: candidate.rows.map((r) => r.row), claims });
  }
  return blocks;
}

/**
 * The breakdowns by a list that a run of rows could be, best named first: those of the section in scope, or,
 * where it has none, those elsewhere whose list the heading names ("Victims supported – gender" under Support).
 */
function breakdownChoices(v: Vocabulary, oneWay: Figure[][], key: string, scope: string | null, context: string, listNamed = false): { members: Figure[]; context: number }[] {
  const byKey = oneWay.filter((members) => (members[0]!.template as { by: string[] }).by[0] === key);
  const inScope = byKey.filter((members) => scope === null || members[0]!.section === scope);
  const choices = inScope.length ? inScope : listNamed || namesList(v, context, key) ? byKey : [];
  return choices
    .map((members) => ({ members, context: contextScore(v, context, breakdownWordings(v.framework, members[0]!, key)) }))
    .sort((a, b) => b.context - a.context);
}

/** Whether a heading names a list outright: its label, an alias, or its column's header ("Ethnicity", "Sex"). */
function namesList(v: Vocabulary, context: string, key: string): boolean {
  const list = categoryListOf(v.framework, key);
  const column = v.framework.columns.find((c) => c.key === key);
  return [list.label, ...list.aliases, column?.header ?? '', ...(column?.synonyms ?? [])].some((w) => w.trim() !== '' && v.coverageOf(w, context) >= 0.99);
}

function claimAt(figure: string, sheet: TemplateSheet, label: LabelRow, column: number, score: number, rows: LabelRow[], columnHeading?: string): Claim {
  return { figure, sheet, row: label.row, column, score, matched: columnHeading ? `${label.label} × ${columnHeading}` : label.label, anchor: anchorOf(label, rows, columnHeading) };
}

/** What a binding's row says, to find it again in next period's copy: its label, column heading and heading above. */
function anchorOf(label: LabelRow, rows: LabelRow[], columnHeading?: string): Anchor {
  const heading = [...rows].reverse().find((r) => r.row < label.row && r.heading)?.label;
  return { label: label.label, ...(columnHeading ? { column: columnHeading } : {}), ...(heading ? { heading } : {}) };
}

const DETAILS: [keyof MappingProposalDetails, RegExp][] = [
  ['from', /^(?:reporting\s+)?(?:period\s+(?:from|start(?:s|ing)?)|(?:start|from)\s+date|date\s+from|from)$/],
  ['to', /^(?:reporting\s+)?(?:period\s+(?:to|end(?:s|ing)?)|(?:end|to)\s+date|date\s+to|to)$/],
  ['provider', /^(?:name\s+of\s+(?:the\s+)?(?:provider|organisation|organization|service)|(?:service\s+)?provider(?:\s+name)?|organisation(?:\s+name)?|organization(?:\s+name)?|service\s+name)$/],
];
type MappingProposalDetails = { from: string; to: string; provider: string };

/** The cells beside "Period from", "Period to" and "Provider" labels. */
function detailsOfSheet(sheet: TemplateSheet): Partial<MappingProposalDetails> {
  const found: Partial<MappingProposalDetails> = {};
  for (const row of sheet.rows) {
    const labels = sheet.labelsOf(row);
    const texts = Array.from({ length: sheet.lastColumn }, (_, i) => i + 1).filter((column) => sheet.text(row, column) !== '');
    // A row of labels with the boxes under them is a form: each answer is below its label.
    const form = texts.length > 1 && !sheet.labelsOf(row + 1).length;
    for (const column of texts) {
      const key = labelKey(sheet.text(row, column));
      for (const [what, pattern] of DETAILS) {
        if (found[what] || !pattern.test(key)) continue;
        if (form && sheet.isInput(row + 1, column)) found[what] = sheet.reference(row + 1, column);
        else {
          const label = labels.find((l) => l.firstColumn <= column && column <= l.lastColumn);
          const input = label && label.firstColumn === column ? sheet.inputFor(label) : null;
          if (input !== null) found[what] = sheet.reference(row, input);
        }
      }
    }
  }
  return found;
}

/**
 * One figure per cell and one cell per figure. Claims are taken best first, and only when clear of every
 * other claim still open on the same figure or the same cell; a claim that is not clear yet waits until others
 * are settled; whatever never becomes clear is left unmapped with its candidates.
 */
function resolve(framework: Framework, figures: Figure[], claims: Claim[], grids: SheetGrid[], details: Partial<MappingProposalDetails>): MappingProposal {
  const cellOf = (c: Claim) => c.sheet.reference(c.row, c.column);
  // The best claim per figure and cell: two routes may claim the same pair.
  const pairs = [...new Map([...claims].sort((a, b) => a.score - b.score).map((c) => [`${c.figure}\u0000${cellOf(c)}`, c])).values()].sort((a, b) => b.score - a.score);
  const byFigure = new Map<string, Claim[]>();
  const byCell = new Map<string, Claim[]>();
  for (const claim of pairs) {
    byFigure.set(claim.figure, [...(byFigure.get(claim.figure) ?? []), claim]);
    byCell.set(cellOf(claim), [...(byCell.get(cellOf(claim)) ?? []), claim]);
  }
  const figureCell = new Map<string, Binding>();
  const cellFigure = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const claim of pairs) {
      const cell = cellOf(claim);
      if (figureCell.has(claim.figure) || cellFigure.has(cell) || claim.score < UNSURE.score) continue;
      const otherCells = byFigure.get(claim.figure)!.filter((c) => c !== claim && !cellFigure.has(cellOf(c)));
      const otherFigures = byCell.get(cell)!.filter((c) => c !== claim && !figureCell.has(c.figure));
      const clear = claim.score - Math.max(0, ...otherCells.map((c) => c.score), ...otherFigures.map((c) => c.score));
      const confidence: Confidence | null =
        claim.score >= SURE.score && clear >= SURE.margin ? 'sure' : claim.score >= UNSURE.score && clear >= UNSURE.margin ? 'unsure' : null;
      if (!confidence) continue;
      figureCell.set(claim.figure, { figure: claim.figure, cell, confidence, score: round(claim.score), matched: claim.matched, anchor: claim.anchor });
      cellFigure.add(cell);
      changed = true;
    }
  }
  const bindings = figures.flatMap((f) => figureCell.get(f.id) ?? []);
  const unmapped = figures
    .filter((f) => !figureCell.has(f.id))
    .map((f) => ({
      figure: f.id,
      label: f.label,
      candidates: (byFigure.get(f.id) ?? []).slice(0, 3).map((c) => ({ cell: cellOf(c), matched: c.matched, score: round(c.score) })),
    }));
  const mapping: Mapping = {
    framework: framework.id,
    version: framework.version,
    cells: Object.fromEntries(bindings.map((b) => [b.figure, b.cell])),
    ...(details.from && details.to ? { period: { from: details.from, to: details.to } } : {}),
    ...(details.provider ? { provider: details.provider } : {}),
    anchors: Object.fromEntries(bindings.flatMap((b) => (b.anchor ? [[b.figure, b.anchor]] : []))),
  };
  const taken = new Set([...cellFigure, details.from, details.to, details.provider]);
  return { mapping, bindings, unmapped, unclaimed: unclaimedInputs(grids, taken) };
}

/** Shaded cells, or numbers beside a label, that no figure claims: inputs the framework may not know. */
function unclaimedInputs(grids: SheetGrid[], taken: Set<string | undefined>): { cell: string; label: string }[] {
  const found: { cell: string; label: string }[] = [];
  for (const grid of grids.filter((g) => !g.hidden)) {
    const sheet = new TemplateSheet(grid);
    for (const row of sheet.rows) {
      const label = sheet.labelRow(row);
      if (!label) continue;
      for (let column = label.lastColumn + 1; column <= sheet.lastColumn + 1; column++) {
        const reference = sheet.reference(row, column);
        if (sheet.isMarkedInput(row, column) && !taken.has(reference) && !sheet.columnsAt(row).text.has(column)) found.push({ cell: reference, label: label.label });
      }
    }
  }
  return found;
}

const round = (n: number) => Math.round(n * 100) / 100;
