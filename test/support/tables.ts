import type { RawCell, RawTable } from '../../src/engine/cases/rawTable';

/** A table as a reader would give it: the header row, then one row per case, numbered from 1. */
export function tableOf(headers: string[], rows: Record<string, RawCell>[], source = 'cases.csv'): RawTable {
  return {
    source,
    rows: [
      { number: 1, cells: headers },
      ...rows.map((row, i) => ({ number: i + 2, cells: headers.map((h) => row[h] ?? null) })),
    ],
  };
}
