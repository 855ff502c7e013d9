import { encodingOf } from './decodeText';

/**
 * Where to cut a delimited export into parts that start at record boundaries, read from its bytes without decoding
 * them, so that each part can be parsed on its own thread. Quotes are read as papaparse reads them (its `Parser`):
 * papaparse stays the parser of record, and a part whose parse does not end exactly at its cut, with the records
 * counted here, is read again in one pass. Offsets are bytes; every record counts, empty lines included. The bytes
 * are UTF-8 (or a one-byte code page): `guessNewline` gives no line break for UTF-16, so such a file is not cut.
 */

export type Newline = '\n' | '\r\n';

/** A record boundary: the byte offset just after a line break that ends a record, and how many records lie before it. */
export type RecordCut = { offset: number; records: number };

export type RecordCutOptions = {
  /** The separator: one ASCII character (any other gives no cuts). */
  delimiter: string;
  newline: Newline;
  /** Byte offsets to cut at or just after. */
  targets: readonly number[];
};

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

// Where the scanner stands, kept between chunks so that a chunk may end anywhere.
const OUTSIDE = 0;
const QUOTED = 1;
/** Just after a quote inside a quoted field: a second quote makes `""`, a separator or line break closes the field. */
const AFTER_QUOTE = 2;
/** In whitespace after such a quote: papaparse closes the field if a separator or line break comes next. */
const AFTER_QUOTE_SPACE = 3;

/**
 * The scanner's synchronous core, fed the bytes chunk by chunk. Cuts are strictly ascending; targets that fall
 * before the same boundary share one cut, and a boundary at the very end of the bytes is no cut (nothing after it).
 *
 * Outside quotes only line breaks and quotes matter, so it jumps between them with `indexOf` (memchr speed): a
 * quote opens a field only at the start of a record or just after a separator.
 */
export class RecordCutScanner {
  readonly cuts: RecordCut[] = [];
  private readonly targets: number[];
  private readonly delimiter: number;
  private readonly crlf: boolean;
  private target = 0;
  private state = OUTSIDE;
  private records = 0;
  /** Where the record being read began (a field starts there). */
  private recordStart = 0;
  private read = 0;
  private lastByte = -1;
  /** How many bytes of a leading byte-order mark have been seen; -1 once past it. The decoder drops it, so a quote after it opens a field. */
  private bom = 0;
  /** A UTF-8 character after a quote, decoded to tell whether it is whitespace: its value so far and its bytes still to come. */
  private wide = 0;
  private wideLeft = 0;

  constructor(options: RecordCutOptions) {
    this.targets = [...options.targets].sort((a, b) => a - b);
    const code = options.delimiter.length === 1 ? options.delimiter.charCodeAt(0) : -1;
    // A separator papaparse would not take, or one spelt in more than one byte, is not scanned for: no cuts.
    if (code < 0 || code > 0x7f || code === QUOTE || code === CR || code === LF) this.targets = [];
    this.delimiter = code;
    this.crlf = options.newline === '\r\n';
  }

  /** Every target has its cut and a byte after the last cut was seen (so it is not the end): read no further. */
  get done(): boolean {
    return this.target === this.targets.length && (this.cuts.length === 0 || this.cuts[this.cuts.length - 1]!.offset < this.read);
  }

  feed(bytes: Uint8Array): void {
    const n = bytes.length;
    const base = this.read;
    this.read += n;
    // Past the last cut the bytes are only counted, to tell whether that cut is the end.
    if (n === 0 || this.target === this.targets.length) return;
    let i = 0;
    if (this.bom >= 0) {
      while (i < n && this.bom < 3 && bytes[i] === BOM[this.bom]) {
        i++;
        this.bom++;
      }
      if (this.bom === 3) this.recordStart = 3;
      if (i < n || this.bom === 3) this.bom = -1;
    }
    const delimiter = this.delimiter;
    const crlf = this.crlf;
    let state = this.state;
    // The next line break and quote at or after i, found once each (-1: none in this chunk).
    let lineBreak = -2;
    let quote = -2;
    while (i < n) {
      if (state === OUTSIDE) {
        if (lineBreak !== -1 && lineBreak < i) lineBreak = bytes.indexOf(LF, i);
        if (quote !== -1 && quote < i) quote = bytes.indexOf(QUOTE, i);
        if (lineBreak >= 0 && (quote < 0 || lineBreak < quote)) {
          i = lineBreak + 1;
          if (crlf && (lineBreak > 0 ? bytes[lineBreak - 1] : this.lastByte) !== CR) continue;
          if (this.endRecord(base + i)) break;
          continue;
        }
        if (quote < 0) break;
        i = quote + 1;
        // A quote in the middle of an unquoted field is text.
        if (base + quote === this.recordStart || (quote > 0 ? bytes[quote - 1] : this.lastByte) === delimiter) state = QUOTED;
        continue;
      }
      if (state === QUOTED) {
        const closing = bytes.indexOf(QUOTE, i);
        if (closing < 0) break;
        state = AFTER_QUOTE;
        i = closing + 1;
        continue;
      }
      // After a quote in a quoted field: rare, so read byte by byte.
      const b = bytes[i]!;
      if (this.wideLeft > 0) {
        if ((b & 0xc0) === 0x80) {
          this.wide = (this.wide << 6) | (b & 0x3f);
          if (--this.wideLeft === 0 && !isWideSpace(this.wide)) state = QUOTED;
          i++;
          continue;
        }
        // Not a whole character, so not whitespace: the quote did not close the field, and this byte is read as field text.
        this.wideLeft = 0;
        state = QUOTED;
        continue;
      }
      i++;
      if (b === delimiter) state = OUTSIDE;
      else if (b === LF && (!crlf || (i > 1 ? bytes[i - 2] : this.lastByte) === CR)) {
        state = OUTSIDE;
        if (this.endRecord(base + i)) break;
      } else if (b === QUOTE) state = state === AFTER_QUOTE ? QUOTED : AFTER_QUOTE;
      else if (b === 0x20 || (b >= 0x09 && b <= 0x0d)) state = AFTER_QUOTE_SPACE;
      else if (b === 0xc2 || b === 0xe1 || b === 0xe2 || b === 0xe3 || b === 0xef) {
        // The first bytes of the only non-ASCII characters JavaScript's trim() removes.
        state = AFTER_QUOTE_SPACE;
        this.wide = b & 0x0f;
        this.wideLeft = b === 0xc2 ? 1 : 2;
      } else state = QUOTED;
    }
    this.state = state;
    this.lastByte = bytes[n - 1]!;
  }

  /** The cuts, once every byte has been fed (or the scanner is done): a cut at the very end is none. */
  end(): RecordCut[] {
    if (this.cuts.length > 0 && this.cuts[this.cuts.length - 1]!.offset === this.read) this.cuts.pop();
    return this.cuts;
  }

  /** A line break ended a record just before `offset`: counts it, and cuts there if a target is reached. True once every target has its cut. */
  private endRecord(offset: number): boolean {
    this.records++;
    this.recordStart = offset;
    if (offset < (this.targets[this.target] ?? Infinity)) return false;
    this.cuts.push({ offset, records: this.records });
    while (this.target < this.targets.length && this.targets[this.target]! <= offset) this.target++;
    return this.target === this.targets.length;
  }
}

/**
 * Papaparse closes a quoted field across whitespace as `String.prototype.trim` sees it; these are its characters past
 * ASCII. (In Windows-1252 a no-break space is one byte, 0xA0, not taken here: a part's parse then finds the difference.)
 */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Finds the cuts for `options.targets` in a file's bytes (as `fs.createReadStream` gives them), reading no further than the last. */
export async function recordCuts(chunks: AsyncIterable<Uint8Array>, options: RecordCutOptions): Promise<RecordCut[]> {
  const scanner = new RecordCutScanner(options);
  if (scanner.done) return [];
  for await (const chunk of chunks) {
    scanner.feed(chunk);
    if (scanner.done) break;
  }
  return scanner.end();
}
