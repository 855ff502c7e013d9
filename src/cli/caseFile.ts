import type { CaseRowStream } from '../commands/caseRows';
import { InputError } from '../errors';
import { streamDelimited } from '../tables/streamDelimited';
import { streamDelimitedInThread } from './streamDelimitedInThread';
import type { CliIo } from './io';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
/** About 20,000 rows: from here a second thread saves more than it costs to start. */
export const READ_ON_A_THREAD_FROM_BYTES = 4 * 2 ** 20;

/**
 * A case-data file to stream as delimited text, or null when it is read whole instead: a workbook (or anything
 * that is not text), or where the io cannot stream.
 */
export async function openCaseText(io: CliIo, file: string, sheet: string | undefined): Promise<{ size: number; chunks: () => AsyncIterable<Uint8Array> } | null> {
  const opened = io.openFile ? await io.openFile(file) : null;
  const head = opened ? await firstBytes(opened.chunks()) : null;
  if (!opened || !head || head.length === 0 || (head[0] === 0x50 && head[1] === 0x4b) || OLE_SIGNATURE.every((b, i) => head[i] === b)) return null;
  if (sheet !== undefined) throw new InputError(`${file} is a text file, not a workbook, so it has no sheet "${sheet}". Leave out --sheet.`);
  return opened;
}

/**
 * A case-data file read as a stream of rows, or null when it is read whole instead (where the io cannot stream,
 * or it is not a CSV, TSV or .xlsx file): delimited text chunk by chunk, an .xlsx sheet row by row (ExcelJS is
 * loaded only for a workbook).
 */
export async function openCaseRows(io: CliIo, file: string, sheet: string | undefined): Promise<CaseRowStream | null> {
  const opened = await openCaseText(io, file, sheet);
  if (opened) {
    // A big export is parsed on a second thread while this one counts; a small one is read before a thread would start.
    const stream = opened.size >= READ_ON_A_THREAD_FROM_BYTES ? streamDelimitedInThread : streamDelimited;
    return { sheet: { source: file, delimited: true }, feed: (begin, options) => stream(opened.chunks, file, begin, { ...options, size: opened.size }) };
  }
  const head = io.openFile ? await firstBytes((await io.openFile(file)).chunks()) : null;
  if (!head || head[0] !== 0x50 || head[1] !== 0x4b) return null;
  return (await import('../tables/streamWorkbookSheet')).streamWorkbookSheet(file, file, sheet);
}

async function firstBytes(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array | null> {
  for await (const chunk of chunks) return chunk;
  return null;
}
