import type { RawCell } from './rawTable';

export type WholeReading = { ok: true; value: number | null } | { ok: false };

/** Reads a count: 12, " 12 ", 12.0 and 1,234 are whole numbers; 12.5, -1, *** and N/A are not. Blank is null. */
export function readWholeNumber(cell: RawCell): WholeReading {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? { ok: true, value: cell } : { ok: false };
  if (typeof cell !== 'string') return { ok: false };
  const text = cell.trim();
  if (text === '') return { ok: true, value: null };
  if (/^\d+(?:\.0+)?$/.test(text) || /^\d{1,3}(?:,\d{3})+$/.test(text)) return { ok: true, value: Number(text.replace(/,/g, '')) };
  return { ok: false };
}
