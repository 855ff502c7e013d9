import type { ColumnsRead, SheetRow } from '../engine/cases/importCases';
import { CELL_TEXT_LIMIT, isBlankCell } from '../engine/cases/rawTable';
import { ownCopy, rememberable } from '../engine/cases/textKey';

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
  /** Per cell: a column's code (0 and up), BLANK, RAW (the next text of `raw`) or FILLED (an unused column's). */
  codes: Int32Array<ArrayBuffer>;
  raw: string[];
  /** Values given codes in this batch, per column, in code order. */
  added: { column: number; values: string[] }[];
}

const BLANK = -1;
const RAW = -2;
/** A filled cell of a column the reading does not use (`RowCoder.plan`): only that it is filled travels. */
const FILLED = -3;
/**
 * What such a cell reads as on the other side: a filled cell whose text is never shown (a row that does not fit
 * its header row, or a text longer than a cell holds, travels in full).
 */
export const UNREAD_CELL = '(not read)';
/**
 * When a column's values stop being coded. At each of these counts of values a column is weighed: when at least
 * half of its cells so far brought a new value, it is a column of unique values (Case IDs, dates of birth) whose
 * look-ups cost more than sending its values, and it is sent as text from then on. A column of dates repeats its
 * few thousand days and stays coded; none is coded past the last count, so memory stays bounded.
 */
const WEIGHED_AT = [4096, 8192, 16_384, 32_768, 65_536];
const MOST_CODED = WEIGHED_AT[WEIGHED_AT.length - 1]!;

/** One column's values met so far, by their codes, while it is coded. */
type Dictionary = { codes: Map<string, number>; cells: number; raw: boolean };

/** Codes rows into batches, as the thread reading a file meets them. */
export class RowCoder {
  private readonly dictionaries: Dictionary[] = [];
  // Filled in place and handed over as a batch: a million-row file makes no number arrays to copy.
  private numbers = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private codes = new Int32Array(1024 * 32);
  private count = 0;
  private cells = 0;
  private raw: string[] = [];
  private added: string[][] = [];
  /** Per column of the header row: 1 when the reading uses it (`plan`); null before a plan, every column then sent. */
  private used: Uint8Array | null = null;

  get rows(): number {
    return this.count;
  }

  /**
   * From now on, of the header row's `width` columns only those `read` travel as values; of the rest, only
   * whether each cell is filled. A row with fewer fields than the header row, and the cells beyond it, travel
   * in full, as their texts are shown when reported.
   */
  plan({ width, read }: ColumnsRead): void {
    this.used = new Uint8Array(width);
    for (const column of read) if (column < width) this.used[column] = 1;
  }

  add({ number, cells }: SheetRow): void {
    if (this.count === this.numbers.length) {
      this.numbers = grown(this.numbers, this.count);
      this.ends = grown(this.ends, this.count);
    }
    if (this.cells + cells.length > this.codes.length) this.codes = grown(this.codes, this.cells, this.cells + cells.length);
    this.numbers[this.count] = number;
    const used = this.used !== null && cells.length >= this.used.length ? this.used : null;
    for (let column = 0; column < cells.length; column++)
      this.codes[this.cells++] = used === null || column >= used.length || used[column] === 1 ? this.codeOf(column, cells[column]) : this.presence(cells[column]);
    this.ends[this.count++] = this.cells;
  }

  /** An unused column's cell: blank or filled, or its text when too long for a cell (reported with its text). */
  private presence(cell: SheetRow['cells'][number] | undefined): number {
    if (isBlankCell(cell)) return BLANK;
    if (typeof cell === 'string' && cell.length > CELL_TEXT_LIMIT) {
      this.raw.push(cell);
      return RAW;
    }
    return FILLED;
  }

  private codeOf(column: number, cell: SheetRow['cells'][number] | undefined): number {
    if (cell === null || cell === undefined) return BLANK;
    // Delimited text gives text only; anything else is sent as its text, as a reader of it would show it.
    const text = typeof cell === 'string' ? cell : String(cell);
    const dictionary = (this.dictionaries[column] ??= { codes: new Map(), cells: 0, raw: false });
    if (dictionary.raw || !rememberable(text)) {
      this.raw.push(text);
      return RAW;
    }
    dictionary.cells++;
    const code = dictionary.codes.get(text);
    if (code !== undefined) return code;
    const size = dictionary.codes.size;
    if (WEIGHED_AT.includes(size) && (size === MOST_CODED || 2 * size >= dictionary.cells)) {
      // Codes already sent keep their meaning; the map is let go.
      this.dictionaries[column] = { codes: new Map(), cells: dictionary.cells, raw: true };
      this.raw.push(text);
      return RAW;
    }
    // Kept for the whole file: copied, so it holds no chunk of the file with it.
    dictionary.codes.set(ownCopy(text), size);
    (this.added[column] ??= []).push(text);
    return size;
  }

  /** The rows added since the last batch, as a batch (its arrays' buffers can be transferred), or null when there are none. */
  take(): CodedBatch | null {
    if (this.count === 0) return null;
    const batch: CodedBatch = {
      numbers: this.numbers.slice(0, this.count),
      ends: this.ends.slice(0, this.count),
      codes: this.codes.slice(0, this.cells),
      raw: this.raw,
      added: this.added.flatMap((values, column) => (values ? [{ column, values }] : [])),
    };
    this.count = 0;
    this.cells = 0;
    this.raw = [];
    this.added = [];
    return batch;
  }
}

/** The array with room for at least `needed` (twice as much), its first `used` values kept. */
function grown(array: Int32Array<ArrayBuffer>, used: number, needed = used + 1): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(2 * array.length, needed));
  bigger.set(array.subarray(0, used));
  return bigger;
}

/** Turns batches back into rows, in the order they were coded. */
export class RowDecoder {
  private readonly values: string[][] = [];

  /** Hands over each row of the batch, with its codes; `fits` tells that every cell was measured and fits a cell. */
  decode(batch: CodedBatch, onRow: (row: SheetRow) => void): void {
    for (const { column, values } of batch.added) (this.values[column] ??= []).push(...values);
    let start = 0;
    let nextRaw = 0;
    for (let i = 0; i < batch.numbers.length; i++) {
      const end = batch.ends[i]!;
      const cells: (string | null)[] = new Array(end - start);
      let fits = true;
      for (let at = start; at < end; at++) {
        const code = batch.codes[at]!;
        const column = at - start;
        // A coded value is short (`rememberable`): only a text sent as it is can be longer than a cell holds.
        if (code >= 0) cells[column] = this.values[column]![code]!;
        else if (code === RAW) {
          const text = batch.raw[nextRaw++]!;
          if (text.length > CELL_TEXT_LIMIT) fits = false;
          cells[column] = text;
        } else cells[column] = code === FILLED ? UNREAD_CELL : null;
      }
      onRow({ number: batch.numbers[i]!, cells, codes: batch.codes.subarray(start, end), fits });
      start = end;
    }
  }
}
