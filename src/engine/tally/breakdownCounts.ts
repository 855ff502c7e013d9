import type { CaseRecord } from '../cases/caseRecord';
import type { CaseTest } from '../spec/caseTest';

/** At most this many columns in one breakdown: a table, never a cube. */
const MOST_LEVELS = 4;

/**
 * Each breakdown column's categories numbered as met, shared by every breakdown of the tally: a case's codes in
 * a column are worked out once, however many tables break down by it.
 */
export class BreakdownCodes {
  private readonly columns = new Map<string, ColumnCodes>();
  private serial = 0;

  /** Moves to the next case: codes are worked out afresh, when first asked for. */
  next(): void {
    this.serial++;
  }

  column(key: string): ColumnCodes {
    let column = this.columns.get(key);
    if (!column) this.columns.set(key, (column = new ColumnCodes(key, () => this.serial)));
    return column;
  }
}

class ColumnCodes {
  private readonly known = new Map<string, number>();
  /** The current case's codes: none, one, or (a numbered column) several; reused from case to case. */
  private readonly current: number[] = [];
  private readFor = -1;

  constructor(
    private readonly key: string,
    private readonly serial: () => number,
  ) {}

  /** The codes of the case's categories in this column (read only; valid until the next case). */
  of(record: CaseRecord): readonly number[] {
    const serial = this.serial();
    if (this.readFor === serial) return this.current;
    this.readFor = serial;
    this.current.length = 0;
    const v = record.values[this.key];
    if (typeof v === 'string') this.current.push(this.codeOf(v));
    else if (Array.isArray(v)) for (const id of v) this.current.push(this.codeOf(id));
    return this.current;
  }

  /** The code of a category already met, or undefined. */
  find(id: string): number | undefined {
    return this.known.get(id);
  }

  private codeOf(id: string): number {
    let code = this.known.get(id);
    if (code === undefined) this.known.set(id, (code = this.known.size));
    return code;
  }
}

/** Counts by category code, nested one level a breakdown column: holes are categories no case had there. */
type Counts = (Counts | number | undefined)[];

/** The counting cases broken down by the categories of `by`: each counted case adds one to every cell it falls in. */
export function breakdownCounter(counts: CaseTest, by: readonly string[], codes: BreakdownCodes): { add(record: CaseRecord): void; value(categories: Record<string, string>): number } {
  if (by.length > MOST_LEVELS) throw new Error(`a breakdown by ${by.length} columns: at most ${MOST_LEVELS} are counted exactly`);
  const columns = by.map((key) => codes.column(key));
  const last = columns.length - 1;
  const root: Counts = [];
  const addAt = (record: CaseRecord, node: Counts, level: number): void => {
    const here = columns[level]!.of(record);
    if (level === last) for (const code of here) node[code] = ((node[code] as number | undefined) ?? 0) + 1;
    else for (const code of here) addAt(record, (node[code] ??= []) as Counts, level + 1);
  };
  return {
    add(record) {
      if (counts(record)) addAt(record, root, 0);
    },
    value(categories) {
      let node: Counts | number | undefined = root;
      for (let level = 0; level <= last; level++) {
        const code = columns[level]!.find(categories[by[level]!]!);
        if (code === undefined || !Array.isArray(node)) return 0;
        node = node[code];
      }
      return typeof node === 'number' ? node : 0;
    },
  };
}
