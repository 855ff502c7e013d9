import type { CaseRecord } from '../cases/caseRecord';
import type { CaseTest } from '../spec/caseTest';
import type { Accumulator, CodeTranslation } from './accumulator';

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

  /** Each column's category ids in the order of their codes: how another counter reads this one's breakdown cells. */
  state(): Record<string, string[]> {
    return Object.fromEntries([...this.columns].map(([key, column]) => [key, column.ids()]));
  }

  /** Another counter's codes (its `state()`) as this counter codes the same categories, coding those not met here. */
  translation(categories: Readonly<Record<string, readonly string[]>>): CodeTranslation {
    return new Map(Object.entries(categories).map(([key, ids]) => [key, ids.map((id) => this.column(key).codeOf(id))]));
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

  /** The categories met, in the order of their codes. */
  ids(): string[] {
    return [...this.known.keys()];
  }

  /** A category's code, given it when first met. */
  codeOf(id: string): number {
    let code = this.known.get(id);
    if (code === undefined) this.known.set(id, (code = this.known.size));
    return code;
  }
}

/** Counts by category code, nested one level a breakdown column: holes are categories no case had there. */
type Counts = (Counts | number | undefined)[];

/**
 * The counting cases broken down by the categories of `by`: each counted case adds one to every cell it falls in.
 * Its state is the cells with a count, each as its codes (one a column) then its count.
 */
export function breakdownCounter(counts: CaseTest, by: readonly string[], codes: BreakdownCodes): Accumulator {
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
    state() {
      const cells: number[] = [];
      const path: number[] = [];
      const walk = (node: Counts, level: number): void =>
        node.forEach((child, code) => {
          path[level] = code;
          if (level === last) cells.push(...path, child as number);
          else walk(child as Counts, level + 1);
        });
      walk(root, 0);
      return cells;
    },
    absorb(state, translation) {
      const width = by.length + 1;
      if (state.length % width !== 0) throw new Error(`a breakdown state of ${state.length} numbers is not cells of ${by.length} codes and a count: the counters differ`);
      // Cells are added by category, not by code: each counter codes categories in the order it met them.
      const ours = by.map((key) => translation.get(key) ?? []);
      const ourCode = (level: number, code: number): number => {
        const own = ours[level]![code];
        if (own === undefined) throw new Error(`a breakdown cell with category code ${code} in ${by[level]}, which the counter's state does not name`);
        return own;
      };
      for (let at = 0; at < state.length; at += width) {
        let node = root;
        for (let level = 0; level < last; level++) node = (node[ourCode(level, state[at + level]!)] ??= []) as Counts;
        const code = ourCode(last, state[at + last]!);
        node[code] = ((node[code] as number | undefined) ?? 0) + state[at + width - 1]!;
      }
    },
  };
}
