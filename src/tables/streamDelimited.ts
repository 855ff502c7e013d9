import Papa from 'papaparse';
import type { SheetRow } from '../engine/cases/importCases';
import { stopIfAborted, type RunOptions } from '../engine/progress';
import { InputError } from '../errors';
import { encodingOf } from './decodeText';
import { delimitedLayout } from './delimitedLayout';
import { delimitedRow, NOT_TEXT, refuseMarkup, unclosedQuote } from './readDelimited';

/** Papa's chunk parser (what its own stream readers use): parses a chunk, keeping an unfinished last row back. */
type ChunkParser = { parse(input: string, baseIndex: number, ignoreLastRow: boolean): { errors: Papa.ParseError[]; meta: { cursor: number } } };
const ParserHandle = (Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig<string[]>) => ChunkParser }).ParserHandle;

/** No row of a real export is this long: an unfinished row growing past it is a quote never closed. */
const LONGEST_ROW = 16 * 2 ** 20;

/**
 * Reads delimited text as it arrives, row by row, as `readDelimited` reads it whole: the same rows, numbers
 * and problems, without ever holding the file. `open` gives the file's bytes from the start; it is called again
 * if the file turns out not to be UTF-8 (read then as Windows-1252, as `decodeText` does), and so is `begin`,
 * which returns what each row is handed to.
 */
export async function streamDelimited(
  open: () => AsyncIterable<Uint8Array>,
  source: string,
  begin: () => (row: SheetRow) => void,
  options: RunOptions & { size?: number } = {},
): Promise<void> {
  try {
    await streamAs(open, source, begin(), null, options);
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
    // Older case-management systems still export in the Windows code page.
    await streamAs(open, source, begin(), 'windows-1252', options);
  }
}

/**
 * A part of a delimited file read on its own, beside the other parts (see `tallyInParts`): its bytes start at a
 * record boundary, and it is read as the whole file's reading reads those rows.
 */
export type DelimitedPart = {
  /** The whole file's separator and line break, as a reading from the top finds them. */
  delimiter: string;
  newline: '\n' | '\r\n';
  /** The number of the part's first row. */
  firstRow: number;
  /** Whether the part starts at the top of the file (which may have a byte-order mark and a "sep=" line). */
  atStart: boolean;
  /** The records the part holds, when it ends at a cut; null for the last part, which reads to the end of the file. */
  records: number | null;
  /** How the whole file's bytes read: UTF-8, or (an older export) the Windows code page throughout. */
  encoding: PartEncoding;
};

export type PartEncoding = 'utf-8' | 'windows-1252';

/**
 * The part could not be read apart: it does not end at a record boundary with the records counted before it
 * (a quote read otherwise than the cut was found), or it is not UTF-8. The file is then read whole.
 */
export class PartNotApart extends Error {}

/** A part read as UTF-8 that is not: the whole reading reads every byte of the file in the Windows code page, and so must the parts. */
export class PartNotUtf8 extends PartNotApart {}

/** Reads one part of a delimited file (`open` gives its bytes) as `streamDelimited` reads those rows of the whole file. */
export async function streamDelimitedPart(open: () => AsyncIterable<Uint8Array>, source: string, onRow: (row: SheetRow) => void, part: DelimitedPart, options: RunOptions = {}): Promise<void> {
  try {
    await streamAs(open, source, onRow, part.encoding === 'windows-1252' ? part.encoding : null, options, part);
  } catch (e) {
    throw e instanceof NotUtf8 ? new PartNotUtf8(`${source} is not UTF-8`) : e;
  }
}

class NotUtf8 extends Error {}

async function streamAs(open: () => AsyncIterable<Uint8Array>, source: string, onRow: (row: SheetRow) => void, fallback: string | null, options: RunOptions & { size?: number }, part: DelimitedPart | null = null) {
  // A part after the first starts mid-file, UTF-8 throughout: a byte-order mark there (exports joined into one file) is a character of its row, as the whole reading reads it.
  let decoder: TextDecoder | null = fallback ? new TextDecoder(fallback) : part && !part.atStart ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : null;
  let pending = '';
  let parser: ChunkParser | null = null;
  let number = part ? part.firstRow - 1 : 0;
  let read = 0;
  // A part ending at a cut ends in a line break: no empty last record follows it, and nothing is left unread.
  const endsAtCut = part !== null && part.records !== null;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    const encoding = encodingOf(bytes);
    decoder ??= new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      throw new NotUtf8();
    }
  };
  const feed = (text: string, last: boolean) => {
    if (text.includes('\u0000')) throw new InputError(NOT_TEXT(source));
    pending += text;
    if (!parser) {
      const atStart = part?.atStart ?? true;
      // The separator is told from the first lines (a part is told it), so parsing waits for them.
      const layout = atStart ? delimitedLayout(pending, last, part?.delimiter) : { body: pending, delimiter: part!.delimiter };
      if (!layout) return;
      if (atStart) refuseMarkup(pending, source);
      const { body, delimiter } = layout;
      pending = body;
      parser = new ParserHandle({
        delimiter,
        ...(part ? { newline: part.newline } : {}),
        skipEmptyLines: false,
        step: (result) => {
          if (result.errors.some((e) => e.code === 'MissingQuotes')) throw unclosedQuote(source, number + 1);
          onRow(delimitedRow(result.data, ++number));
        },
      });
    }
    // Text ending in a line break has an empty last record, as a whole parse gives it.
    if (last && !endsAtCut && pending === '' && number > 0) return onRow(delimitedRow([''], ++number));
    const { meta } = parser.parse(pending, 0, !last || endsAtCut);
    pending = pending.slice(meta.cursor);
    if (pending.length > LONGEST_ROW) throw unclosedQuote(source, number + 1);
    if (last && endsAtCut && (pending !== '' || number !== part!.firstRow - 1 + part!.records!))
      throw new PartNotApart(`${source}: the part from row ${part!.firstRow} did not end at its cut`);
  };
  for await (const chunk of open()) {
    stopIfAborted(options.signal);
    read += chunk.length;
    feed(decode(chunk, true), false);
    options.onProgress?.('reading', read, options.size ?? null);
  }
  feed(decoder ? decoder.decode() : '', true);
}
