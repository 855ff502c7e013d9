import type { Framework } from '../frameworks/schema';
import { cellAddress, parseRange, sheetCell } from '../workbook/addresses';
import type { CellWrite, NamedRange, WorkbookOperation, WorkbookPort } from '../workbook/port';
import type { ImportNote } from '../engine/cases/rowIssues';
import { listName } from './returnLayout';

/** A list with more entries than the return has room for: the first `room` were written. */
export type ListCut = { label: string; room: number; given: number; place: string };

/**
 * How a fill into an existing return writes each list (case studies, agencies) into the rows its name holds:
 * rows an earlier fill left beyond the new entries are cleared, so no old case study stays behind. A list
 * longer than its rows takes the rows just below when they are blank, and its name grows to hold them (the
 * check and the submission copy read a list by its name, so an entry outside it would be neither checked nor
 * cleaned of Case IDs). Where those rows hold something (the next list, a commissioner's own cells), only the
 * entries that fit are written, and the cut is told.
 */
export async function listOperations(port: WorkbookPort, framework: Framework, lists: Record<string, CellWrite[][]>, named: ReadonlyMap<string, NamedRange>): Promise<{ operations: WorkbookOperation[]; cut: ListCut[] }> {
  const placed = framework.lists.flatMap((spec) => {
    const place = named.get(listName(spec.id));
    return place ? [{ spec, place, rows: lists[spec.id] ?? [], ...parseRange(place.range) }] : [];
  });
  const longer = placed.filter((l) => l.rows.length > l.bottom - l.top + 1);
  // One read for every list's rows below it: a constant number of round trips.
  const below = longer.length === 0 ? [] : await port.read(longer.map((l) => ({ sheet: l.place.sheet, range: `${cellAddress(l.bottom + 1, l.left)}:${cellAddress(l.top + l.rows.length - 1, l.right)}` })));
  const operations: WorkbookOperation[] = [];
  const cut: ListCut[] = [];
  for (const l of placed) {
    const width = l.right - l.left + 1;
    const room = l.bottom - l.top + 1;
    const blankBelow = longer.includes(l) && below[longer.indexOf(l)]!.every((row) => row.every((cell) => cell === null || cell === ''));
    const bottom = blankBelow ? l.top + l.rows.length - 1 : l.bottom;
    const written = l.rows.slice(0, bottom - l.top + 1).map((row) => Array.from({ length: width }, (_, i) => row[i] ?? null));
    const cleared = Array.from({ length: bottom - l.top + 1 - written.length }, () => Array.from({ length: width }, () => null));
    if (written.length + cleared.length) operations.push({ op: 'write', sheet: l.place.sheet, at: cellAddress(l.top, l.left), rows: [...written, ...cleared] });
    if (bottom !== l.bottom) operations.push({ op: 'defineName', name: l.place.name, sheet: l.place.sheet, range: `${cellAddress(l.top, l.left)}:${cellAddress(bottom, l.right)}` });
    if (written.length < l.rows.length) cut.push({ label: l.spec.label, room, given: l.rows.length, place: sheetCell(l.place.sheet, l.place.range) });
  }
  return { operations, cut };
}

/** What a fill tells of a list cut short: how many entries were left out, and what to do. */
export function listCutNote(cut: ListCut): ImportNote {
  const left = cut.given - cut.room;
  return {
    code: 'list_cut',
    message: `${cut.label}: the case data gives ${cut.given}, but the return has room for ${cut.room} (${cut.place}, with cells of its own below): the first ${cut.room} are written, ${left === 1 ? 'the last one is' : `the last ${left} are`} not. Choose the ones to send, or make room in the return and fill again.`,
  };
}
