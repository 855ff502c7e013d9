import { categoryListOf, figuresOf, type Figure } from '../frameworks/expand';
import { breakdownOf } from '../frameworks/eventTables';
import { profileOf } from '../frameworks/profiles';
import type { FigureTemplate, Framework } from '../frameworks/schema';
import { monthsTotal, subPeriodsOf } from '../frameworks/subPeriods';
import { excelSerialOfDay } from '../engine/cases/dates';
import { PERIOD_FROM } from '../engine/formulas/names';
import { addMonths } from '../engine/tally/period';
import { cellAddress } from '../workbook/addresses';
import { narrativeTableLayout } from './narrativeTableLayout';
import type { CellStyle, CellWrite, WorkbookOperation } from '../workbook/port';

/** Named cells of every return, besides the figures. */
export const RETURN_NAMES = { framework: 'return.framework', version: 'return.version', provider: 'return.provider', profile: 'return.profile' } as const;
export const CASE_DATA_SHEET = 'Case data';
export const CASES_SHEET = 'Cases';
/** An event table's sheets: its rows as given, and the normalised rows the event formulas count. */
export const eventDataSheet = (tableId: string) => `Event data ${tableId}`.slice(0, 31);
export const eventsSheet = (tableId: string) => `Events ${tableId}`.slice(0, 31);
/** The sheets that hold victims' rows (the case data and each event table's): never sent to the commissioner. */
export const rowSheetNames = (framework: Framework): string[] => [CASE_DATA_SHEET, CASES_SHEET, ...framework.events.flatMap((t) => [eventDataSheet(t.id), eventsSheet(t.id)])];
/** Typed figures a fill replaced, kept for the provider to see. */
export const REPLACED_SHEET = 'Replaced values';
export const listName = (id: string) => `list.${id}`;

/** What goes in a figure's cell: an input to type into, or a formula with its last value. */
export type FigureContent = { formula: string; result: number | string | null } | null;

export interface ReturnSheets {
  operations: WorkbookOperation[];
  /** Where each figure sits. */
  cells: Map<string, { sheet: string; cell: string }>;
}

const LIST_ROWS = { names: 12, texts: 3 } as const;

/**
 * Lays out a framework's return: a sheet per group of sections, each figure in a named cell beside its label,
 * breakdowns as tables and breakdowns by two columns as grids; the period and framework cells on the first
 * sheet; narratives and lists last. The layout comes from the framework alone, so every return of a framework
 * looks the same and a commissioner recognises it.
 */
export function returnSheets(
  framework: Framework,
  content: (figure: Figure) => FigureContent,
  filled: { period?: { from: Date; to: Date }; lists?: Record<string, CellWrite[][]>; profile?: string | null } = {},
): ReturnSheets {
  const lists = filled.lists ?? {};
  const operations: WorkbookOperation[] = [];
  const cells = new Map<string, { sheet: string; cell: string }>();
  const figures = figuresOf(framework);
  const sheetNames = [...new Set(framework.sections.map((s) => s.sheet))];

  sheetNames.forEach((sheet, sheetIndex) => {
    let row = 1;
    const write = (r: number, c: number, rows: CellWrite[][]) => operations.push({ op: 'write', sheet, at: cellAddress(r, c), rows });
    const style = (r: number, c: number, s: CellStyle, r2 = r, c2 = c) => operations.push({ op: 'style', sheet, range: `${cellAddress(r, c)}:${cellAddress(r2, c2)}`, style: s });
    const name = (n: string, r: number, c: number) => operations.push({ op: 'defineName', name: n, sheet, range: cellAddress(r, c) });
    const placeFigure = (figure: Figure, r: number, c: number) => {
      const value = content(figure);
      write(r, c, [[value]]);
      style(r, c, value ? 'figure' : 'input');
      name(figure.id, r, c);
      cells.set(figure.id, { sheet, cell: cellAddress(r, c) });
    };

    operations.push({ op: 'addSheet', sheet });
    write(row, 1, [[sheetIndex === 0 ? framework.title : `${framework.title}: ${sheet}`]]);
    style(row, 1, 'title');
    row += 1;
    write(row, 1, [[framework.commissioner]]);
    style(row, 1, 'muted');
    row += 2;
    if (sheetIndex === 0) {
      write(row, 1, [['Framework', framework.id], ['Template version', framework.version], ['Period from', filled.period?.from ?? null], ['Period to', filled.period?.to ?? null], ['Provider', null]]);
      style(row, 1, 'label', row + 4, 1);
      name(RETURN_NAMES.framework, row, 2);
      name(RETURN_NAMES.version, row + 1, 2);
      name('period.from', row + 2, 2);
      name('period.to', row + 3, 2);
      style(row + 2, 2, 'date_input', row + 3, 2);
      // Who sends the return: a commissioner reading many returns knows each by it.
      name(RETURN_NAMES.provider, row + 4, 2);
      style(row + 4, 2, 'text_input');
      const profile = profileOf(framework, filled.profile);
      if (profile) {
        // The service profile says which figures are asked of this service; in the row before the first section.
        write(row + 5, 1, [['Service profile', profile.id]]);
        write(row + 5, 3, [[`${profile.label}. One of: ${framework.profiles.map((p) => p.id).join(', ')}.`]]);
        style(row + 5, 1, 'label');
        style(row + 5, 2, 'input');
        style(row + 5, 3, 'muted');
        name(RETURN_NAMES.profile, row + 5, 2);
      }
      row += 6;
    }

    for (const section of framework.sections.filter((s) => s.sheet === sheet)) {
      write(row, 1, [[section.label]]);
      style(row, 1, 'heading');
      row += 1;
      // The month headings shown above the rows of figures asked month by month, written again only when they change.
      let headed: string | null = null;
      for (const template of framework.figures.filter((t) => t.section === section.id)) {
        const members = figures.filter((f) => f.template === template);
        const { by, table } = breakdownOf(framework, template);
        const columns = subPeriodHeaders(framework, template, filled.period);
        if (by.length === 0) {
          if (columns.length && headed !== JSON.stringify(columns)) {
            write(row, 2, [columns]);
            style(row, 2, 'table_header', row, columns.length + 1);
            if (monthsAsked(framework, template)) style(row, 2, 'month_header', row, monthsAsked(framework, template) + 1);
            row += 1;
          }
          headed = JSON.stringify(columns);
          write(row, 1, [[template.label]]);
          style(row, 1, 'label');
          const note = [...(template.kind === 'percentage' ? [baseNote(framework, template.base)] : []), ...(template.help ? [template.help] : [])].join(' ');
          if (note) {
            write(row, members.length + 2, [[note]]);
            style(row, members.length + 2, 'muted');
          }
          members.forEach((member, j) => placeFigure(member, row, j + 2));
          row += 1;
          continue;
        }
        headed = null;
        if (by.length === 1) {
          row = breakdownTable(table, template, members, by[0]!, row, { write, style, placeFigure }, columns);
        } else {
          row = crossTable(table, template, members, by[0]!, by[1]!, row, { write, style, placeFigure });
        }
      }
      for (const narrative of framework.narratives.filter((n) => n.section === section.id)) {
        write(row, 1, [[narrative.label]]);
        style(row, 1, 'label');
        style(row, 2, narrative.kind === 'text' ? 'text_input' : 'input');
        name(narrative.id, row, 2);
        row += 2;
      }
      for (const table of framework.tables.filter((t) => t.section === section.id)) {
        const laid = narrativeTableLayout(table, sheet, row);
        operations.push(...laid.operations);
        row = laid.next;
      }
      row += 1;
    }

    if (sheetIndex === sheetNames.length - 1)
      for (const list of framework.lists) {
        write(row, 1, [[list.label]]);
        style(row, 1, 'heading');
        row += 1;
        const header = list.kind === 'names' ? ['Name', 'Victims referred'] : ['Case', 'Text'];
        write(row, 1, [header]);
        style(row, 1, 'table_header', row, 2);
        row += 1;
        const given = lists[list.id] ?? [];
        const size = Math.max(given.length, list.kind === 'names' ? LIST_ROWS.names : LIST_ROWS.texts);
        if (given.length) write(row, 1, given);
        style(row, 1, 'text_input', row + size - 1, 2);
        operations.push({ op: 'defineName', name: listName(list.id), sheet, range: `${cellAddress(row, 1)}:${cellAddress(row + size - 1, 2)}` });
        row += size + 1;
      }
    operations.push({ op: 'columnWidths', sheet, widths: [62, 16, ...Array.from({ length: 16 }, () => 14)] });
  });
  return { operations, cells };
}

type Writers = {
  write: (r: number, c: number, rows: CellWrite[][]) => void;
  style: (r: number, c: number, s: CellStyle, r2?: number, c2?: number) => void;
  placeFigure: (figure: Figure, r: number, c: number) => void;
};

function groupLabel(template: FigureTemplate): string {
  return template.groupLabel ?? template.label.replace(/[:\s]*<[a-z0-9_]+>/g, '').trim();
}

/** A breakdown as rows: the category's label, its figure, and any notes the framework gives it. */
function breakdownTable(framework: Framework, template: FigureTemplate, members: Figure[], key: string, start: number, w: Writers, columns: CellWrite[]): number {
  let row = start;
  w.write(row, 1, [[groupLabel(template), ...columns]]);
  w.style(row, 1, 'table_header', row, columns.length + 1);
  if (monthsAsked(framework, template)) w.style(row, 2, 'month_header', row, monthsAsked(framework, template) + 1);
  row += 1;
  for (const item of categoryListOf(framework, key).items) {
    const figures = members.filter((f) => f.categories[key] === item.id);
    w.write(row, 1, [[`    ${item.label}`]]);
    w.style(row, 1, 'label');
    figures.forEach((figure, j) => w.placeFigure(figure, row, j + 2));
    if (item.notes.length) {
      w.write(row, figures.length + 2, [[item.notes.join('\n')]]);
      w.style(row, figures.length + 2, 'label');
    }
    row += 1;
  }
  return row;
}

/** A percentage's base, stated beside it: what it is a percentage of. */
function baseNote(framework: Framework, baseId: string): string {
  return `% of ${figuresOf(framework).find((f) => f.id === baseId)?.label ?? baseId} (${baseId}).`;
}

function monthsAsked(framework: Framework, template: FigureTemplate): number {
  return subPeriodsOf(template, framework).filter((s) => s.kind === 'month').length;
}

/**
 * The headings of the columns of a figure asked month by month or over a rolling window: each month's first
 * day, worked out live from the period's first day and shown as the month's name; then the period's value,
 * saying how it comes from the months; then the rolling window. None for a figure asked over the period only.
 */
function subPeriodHeaders(framework: Framework, template: FigureTemplate, period: { from: Date; to: Date } | undefined): CellWrite[] {
  const subs = subPeriodsOf(template, framework);
  if (!subs.length) return [];
  const months = subs.filter((s) => s.kind === 'month');
  const from = period ? Math.round(period.from.getTime() / 86_400_000) : null;
  const heading = (index: number): CellWrite => ({
    formula: `IF(ISNUMBER(${PERIOD_FROM}),EDATE(${PERIOD_FROM},${index - 1}),"Month ${index}")`,
    result: from === null ? `Month ${index}` : excelSerialOfDay(addMonths(from, index - 1)),
  });
  const total = months.length ? { sum: 'Period total', last: 'At period end', first: 'At period start', distinct: 'Whole period' }[monthsTotal(template, framework)] : 'Period';
  return [...months.map((m) => heading(m.index)), total, ...subs.filter((s) => s.kind === 'rolling').map((s) => `${s.months} months to period end`)];
}

/** A breakdown by two columns as a grid: the first column's categories down, the second's across. */
function crossTable(framework: Framework, template: FigureTemplate, members: Figure[], down: string, across: string, start: number, w: Writers): number {
  let row = start;
  const columns = categoryListOf(framework, across).items;
  w.write(row, 1, [[groupLabel(template), ...columns.map((c) => c.label)]]);
  w.style(row, 1, 'table_header', row, columns.length + 1);
  row += 1;
  for (const item of categoryListOf(framework, down).items) {
    w.write(row, 1, [[`    ${item.label}`]]);
    w.style(row, 1, 'label');
    columns.forEach((column, j) => w.placeFigure(members.find((f) => f.categories[down] === item.id && f.categories[across] === column.id)!, row, j + 2));
    row += 1;
  }
  return row;
}
