import Papa from 'papaparse';
import type { SheetRow } from '../engine/cases/importCases';
import { stopIfAborted, type RunOptions } from '../engine/progress';
import { InputError } from '../errors';
import { encodingOf } from './decodeText';
import { delimitedRow, firstLineOptions, NOT_TEXT, refuseMarkup, unclosedQuote } from './readDelimited';

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

class NotUtf8 extends Error {}

async function streamAs(open: () => AsyncIterable<Uint8Array>, source: string, onRow: (row: SheetRow) => void, fallback: string | null, options: RunOptions & { size?: number }) {
  let decoder: TextDecoder | null = fallback ? new TextDecoder(fallback) : null;
  let pending = '';
  let parser: ChunkParser | null = null;
  let number = 0;
  let read = 0;
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
      // The separator is guessed from the header row, so parsing waits for the first whole line.
      if (!last && !/\S[^\n]*\n/.test(pending) && pending.length < LONGEST_ROW) return;
      refuseMarkup(pending, source);
      const { body, delimiter } = firstLineOptions(pending);
      pending = body;
      parser = new ParserHandle({
        delimiter,
        skipEmptyLines: false,
        step: (result) => {
          if (result.errors.some((e) => e.code === 'MissingQuotes')) throw unclosedQuote(source, number + 1);
          onRow(delimitedRow(result.data, ++number));
        },
      });
    }
    // Text ending in a line break has an empty last record, as a whole parse gives it.
    if (last && pending === '' && number > 0) return onRow(delimitedRow([''], ++number));
    const { meta } = parser.parse(pending, 0, !last);
    pending = pending.slice(meta.cursor);
    if (pending.length > LONGEST_ROW) throw unclosedQuote(source, number + 1);
  };
  for await (const chunk of open()) {
    stopIfAborted(options.signal);
    read += chunk.length;
    feed(decode(chunk, true), false);
    options.onProgress?.('reading', read, options.size ?? null);
  }
  feed(decoder ? decoder.decode() : '', true);
}
