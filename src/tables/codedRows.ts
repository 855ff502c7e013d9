import type { SheetRow } from '../engine/cases/importCases';
import { ownCopy } from '../engine/cases/textKey';

/**
 * Text rows sent from one thread to another compactly: each cell is a number, the code of its column's value
 * as first met (an export repeats the same few spellings in most of its columns), so a batch is three typed
 * arrays handed over without copying, and only values not met before (and values of columns too varied to
 * code, such as Case IDs) travel as text.
 */
export interface CodedBatch {
  /** Each row's number, as the sheet shows it. */
  numbers: Int32Array<ArrayBuffer>;
  /** Where each row's cells end in `codes`: row i holds codes[ends[i - 1] … ends[i]). */
  ends: Int32Array<ArrayBuffer>;
  /** Per cell: a column's code (0 and up), BLANK, or RAW (the next text of `raw`). */
  codes: Int32Array<ArrayBuffer>;
  raw: string[];
  /** Values given codes in this batch, per column, in code order. */
  added: { column: number; values: string[] }[];
}

const BLANK = -1;
const RAW = -2;
/** Values coded per column: beyond them a column's new values travel as text (a column of unique values). */
const CODED_PER_COLUMN = 4096;

/** Codes rows into batches, as the thread reading a file meets them. */
export class RowCoder {
  private readonly dictionaries: Map<string, number>[] = [];
  private numbers: number[] = [];
  private ends: number[] = [];
  private codes: number[] = [];
  private raw: string[] = [];
  private added = new Map<number, string[]>();

  get rows(): number {
    return this.numbers.length;
  }

  add({ number, cells }: SheetRow): void {
    this.numbers.push(number);
    for (let column = 0; column < cells.length; column++) {
      const cell = cells[column];
      if (cell === null || cell === undefined) {
        this.codes.push(BLANK);
        continue;
      }
      // Delimited text gives text only; anything else is sent as its text, as a reader of it would show it.
      const text = typeof cell === 'string' ? cell : String(cell);
      const dictionary = (this.dictionaries[column] ??= new Map());
      let code = dictionary.get(text);
      if (code === undefined && dictionary.size < CODED_PER_COLUMN) {
        code = dictionary.size;
        // Kept for the whole file: copied, so it holds no chunk of the file with it.
        dictionary.set(ownCopy(text), code);
        let added = this.added.get(column);
        if (!added) this.added.set(column, (added = []));
        added.push(text);
      }
      if (code === undefined) {
        this.codes.push(RAW);
        this.raw.push(text);
      } else this.codes.push(code);
    }
    this.ends.push(this.codes.length);
  }

  /** The rows added since the last batch, as a batch (its arrays' buffers can be transferred), or null when there are none. */
  take(): CodedBatch | null {
    if (this.numbers.length === 0) return null;
    const batch: CodedBatch = {
      numbers: Int32Array.from(this.numbers),
      ends: Int32Array.from(this.ends),
      codes: Int32Array.from(this.codes),
      raw: this.raw,
      added: [...this.added].map(([column, values]) => ({ column, values })),
    };
    this.numbers = [];
    this.ends = [];
    this.codes = [];
    this.raw = [];
    this.added = new Map();
    return batch;
  }
}

/** Turns batches back into rows, in the order they were coded. */
export class RowDecoder {
  private readonly values: string[][] = [];

  decode(batch: CodedBatch, onRow: (row: SheetRow) => void): void {
    for (const { column, values } of batch.added) (this.values[column] ??= []).push(...values);
    let start = 0;
    let nextRaw = 0;
    for (let i = 0; i < batch.numbers.length; i++) {
      const end = batch.ends[i]!;
      const cells: (string | null)[] = new Array(end - start);
      for (let at = start; at < end; at++) {
        const code = batch.codes[at]!;
        cells[at - start] = code === BLANK ? null : code === RAW ? batch.raw[nextRaw++]! : this.values[at - start]![code]!;
      }
      start = end;
      onRow({ number: batch.numbers[i]!, cells });
    }
  }
}
