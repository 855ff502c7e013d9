import { z } from 'zod';
import type { CellLook, WorkbookOperation, WorkbookPort } from '../workbook/port';

/**
 * The hidden sheet where writing findings records what each highlight and note covered up: a commissioner's
 * own fill and notes come back when the findings are cleared or written again, even after the file was saved
 * and opened elsewhere.
 */
export const MARKS_SHEET = 'Returns Assistant marks';
const HEADERS = ['Sheet', 'Cell', 'Fill before', 'Fill before (exact)', 'Note before'];

export interface Mark {
  sheet: string;
  cell: string;
  /** How the cell looked before it was marked. */
  before: CellLook;
}

const text = z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((v) => (v === null ? '' : String(v)));
const markRow = z.tuple([z.string().min(1), z.string().regex(/^[A-Z]+[0-9]+$/), text, text, text]).rest(z.unknown());

export function markKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** The marks the last write of findings left, or null where the workbook records none. */
export async function readMarks(port: WorkbookPort): Promise<Mark[] | null> {
  if (!(await port.sheetNames()).includes(MARKS_SHEET)) return null;
  return (await port.readUsed(MARKS_SHEET)).slice(1).flatMap((row) => {
    const parsed = markRow.safeParse(padded(row.cells, HEADERS.length));
    // A row someone damaged in the hidden sheet restores nothing rather than something wrong.
    if (!parsed.success) return [];
    const [sheet, cell, color, exact, note] = parsed.data;
    return [{ sheet, cell, before: { fill: color ? { color, ...(exact ? { exact } : {}) } : null, note: note || null } }];
  });
}

function padded<T>(cells: T[], length: number): (T | null)[] {
  return [...cells, ...Array.from({ length: Math.max(0, length - cells.length) }, () => null)];
}

/** Puts every marked cell back as it was, and drops the record. */
export function unmarkOperations(marks: Mark[]): WorkbookOperation[] {
  return [
    ...marks.flatMap(({ sheet, cell, before }): WorkbookOperation[] => [
      { op: 'fill', sheet, range: cell, fill: before.fill },
      { op: 'note', sheet, cell, text: before.note ?? '' },
    ]),
    { op: 'removeSheet', sheet: MARKS_SHEET },
  ];
}

/** Writes the record of what the new marks cover up (the sheet must not exist when these run). */
export function recordOperations(marks: Mark[]): WorkbookOperation[] {
  if (!marks.length) return [];
  const rows = marks.map(({ sheet, cell, before }) => [sheet, cell, before.fill?.color ?? null, before.fill?.exact ?? null, before.note]);
  return [
    { op: 'addSheet', sheet: MARKS_SHEET, hidden: true },
    { op: 'write', sheet: MARKS_SHEET, at: 'A1', rows: [HEADERS, ...rows] },
  ];
}

/**
 * Takes the findings' highlights and notes off the figure cells, putting back what they covered. The Findings
 * sheet, with the provider's explanations, stays.
 */
export async function clearHighlights(port: WorkbookPort): Promise<{ cellsRestored: number }> {
  const marks = await readMarks(port);
  if (marks === null) return { cellsRestored: 0 };
  await port.apply(unmarkOperations(marks));
  return { cellsRestored: marks.length };
}
