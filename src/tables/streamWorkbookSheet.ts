import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { SheetRow } from '../engine/cases/importCases';
import type { RawTable } from '../engine/cases/rawTable';
import { PROGRESS_EVERY, stopIfAborted, type RunOptions } from '../engine/progress';
import { InputError } from '../errors';
import { parseRange } from '../workbook/addresses';
import { rowValues } from '../workbook/exceljsValues';
import { briefly, chosenSheet, otherSheets, unreadableWorkbook } from './readWorkbookSheet';
import { checkExpansion, zipDirectoryEnd } from '../workbook/workbookBytes';
import { workbookSheets } from '../workbook/zipPackage';

/** One sheet of an .xlsx file as rows handed on one at a time: where they come from, and how to read them from the start. */
export interface WorkbookSheetRows {
  sheet: Omit<RawTable, 'rows'>;
  feed(begin: () => (row: SheetRow) => void, options: RunOptions): Promise<void>;
}

/** A part of the zip as its central directory lists it. */
interface Entry {
  name: string;
  method: number;
  compressed: number;
  expanded: number;
  local: number;
  /** Where its local record (header, data, any data descriptor) ends: at the next record, or at the directory. */
  end: number;
}

const unreadable = unreadableWorkbook;

/** The file held less than its zip directory said when it was opened: it changed (was saved over) since. */
class FileChanged extends Error {}

/**
 * Reading the file itself failed, or it changed while it was read: a fault of the disk or of timing, never to be
 * taken for a damaged workbook.
 */
function fileFault(fileName: string, cause: unknown): InputError {
  return new InputError(
    isSystemError(cause)
      ? `${fileName} could not be read from the disk (${briefly(cause)}). Check that it is still there and can be opened, and try again.`
      : `${fileName} changed while it was being read. Wait until it is saved and closed, then try again.`,
  );
}

/** A system call failed (the file could not be opened or read): zlib's errors have a code too, but no system call. */
const isSystemError = (e: unknown) => typeof (e as NodeJS.ErrnoException | null)?.syscall === 'string';

/** A part of the file that could not be read: the disk's fault, or the workbook's. */
const failedPart = (fileName: string, e: unknown) => (isSystemError(e) ? fileFault(fileName, e) : unreadable(fileName, e));

/** Whether the file is no longer as it was when its parts were listed (or can no longer be looked at). */
async function changedSince(path: string, listed: { size: number; mtimeMs: number }): Promise<boolean> {
  const now = await stat(path).catch(() => null);
  return !now || now.size !== listed.size || now.mtimeMs !== listed.mtimeMs;
}

/**
 * One sheet (the first, or the one named) of an .xlsx file on disk, read row by row with ExcelJS's streaming
 * reader: the rows, numbers and values `readWorkbookSheet` gives, without the workbook ever held. The sheets are
 * listed, and the sheet's merged ranges found, from the file's own parts first: the merges come after the rows
 * in the sheet, yet each merged cell is given its range's value as the rows go (as a whole read gives it).
 */
export async function streamWorkbookSheet(path: string, fileName: string, sheetName?: string): Promise<WorkbookSheetRows> {
  const listed = await stat(path);
  const entries = await zipEntries(path, fileName);
  checkExpansion(entries, fileName, { total: false });
  const part = async (name: string) => {
    const entry = entries.find((e) => e.name === name);
    return entry ? (await entryBytes(path, entry, fileName)).toString('utf8') : null;
  };
  const workbookXml = await part('xl/workbook.xml');
  const rels = await part('xl/_rels/workbook.xml.rels');
  if (workbookXml === null || rels === null) throw unreadable(fileName);
  const sheets = workbookSheets(workbookXml, rels);
  const sheet = chosenSheet(sheets, fileName, sheetName);
  const entry = entries.find((e) => e.name === sheet.part);
  if (!entry) throw unreadable(fileName);
  const merges = (await mergedRanges(path, entry, fileName)).map(parseRange);
  const source = `${fileName}, sheet "${sheet.name}"`;
  return {
    sheet: { source, ...(merges.length ? { merges } : {}), ...otherSheets(sheets, sheetName) },
    feed: async (begin, options) => {
      const onRow = begin();
      const fill = mergeFiller(merges);
      let found = false;
      let rows = 0;
      // A fault reading the file stops the read with its own message. The reader is not waited for: given less
      // than a whole part, ExcelJS waits for the rest for ever.
      let fault: InputError | null = null;
      const parts = Readable.from(partsForReader(path, entries, entry), { objectMode: false });
      const faulted = new Promise<never>((_, reject) => parts.once('error', (e) => reject((fault = fileFault(fileName, e)))));
      const read = async () => {
        const reader = new ExcelJS.stream.xlsx.WorkbookReader(parts, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
        // The reader is given one sheet: the chosen one.
        for await (const worksheet of reader) {
          found = true;
          for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
            if (fault) throw fault;
            if (rows++ % PROGRESS_EVERY === 0) {
              stopIfAborted(options.signal);
              options.onProgress?.('reading', rows, null);
            }
            const cells = fill(row.number, row.hasValues ? rowValues(row) : []);
            if (cells.some((c) => c !== null)) onRow({ number: row.number, cells });
          }
        }
      };
      const reading = read();
      // Whichever of the two loses the race is settled unobserved.
      for (const settled of [reading, faulted]) settled.catch(() => undefined);
      try {
        await Promise.race([reading, faulted]);
      } catch (e) {
        if (fault) throw fault;
        if (e instanceof InputError || options.signal?.aborted) throw e;
        // A file saved over as it was read gives the reader garbage: that is no damaged workbook.
        throw (await changedSince(path, listed)) ? fileFault(fileName, new FileChanged()) : failedPart(fileName, e);
      }
      if (fault) throw fault;
      if (!found) throw unreadable(fileName);
      // Rows read from a file saved over meanwhile may mix two versions of it.
      if (await changedSince(path, listed)) throw fileFault(fileName, new FileChanged());
    },
  };
}

/**
 * Gives each cell of a merged range its range's value, as ExcelJS does reading a whole workbook: the rows come
 * in order, so the top-left cell's value is known before any other cell of its range.
 */
function mergeFiller(merges: readonly { top: number; left: number; bottom: number; right: number }[]): (row: number, cells: RawTable['rows'][number]['cells']) => RawTable['rows'][number]['cells'] {
  if (!merges.length) return (_, cells) => cells;
  const values = new Map<(typeof merges)[number], RawTable['rows'][number]['cells'][number]>();
  return (row, cells) => {
    for (const merge of merges) {
      if (row < merge.top || row > merge.bottom) continue;
      if (row === merge.top) values.set(merge, cells[merge.left - 1] ?? null);
      const value = values.get(merge) ?? null;
      while (cells.length < merge.right) cells.push(null);
      for (let c = merge.left; c <= merge.right; c++) if (row !== merge.top || c !== merge.left) cells[c - 1] = value;
    }
    return cells;
  };
}

const READER_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];
/** The part name ExcelJS's reader looks for a sheet under. */
const SHEET_PART = Buffer.from('xl/worksheets/sheet1.xml', 'latin1');
/**
 * An empty zip directory's end record: the reader's unzipper ends there as at the end of a whole file. Without it
 * the stream ends where the unzipper expects another record, and its "FILE_ENDED" error sometimes reaches ExcelJS
 * before the end does, failing a sound file.
 */
const END_OF_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
const NO_SHARED_STRINGS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>', 'utf8');

/**
 * The zip as ExcelJS's reader is given it: the parts it needs to read a sheet (the shared strings, even an empty
 * table where the workbook has none), then the one sheet under the name the reader looks for, and nothing else.
 * ExcelJS sets aside in a temporary file, as it expands, every sheet that comes before the shared strings (Excel
 * writes them last): in this order no case row is ever written to disk, and no other sheet is expanded.
 */
async function* partsForReader(path: string, entries: readonly Entry[], sheet: Entry): AsyncGenerator<Buffer> {
  const record = (entry: Entry, from = entry.local) => fileRange(path, from, entry.end);
  for (const name of READER_PARTS) {
    const entry = entries.find((e) => e.name === name);
    if (entry) yield* record(entry);
    else if (name === 'xl/sharedStrings.xml') yield storedRecord(name, NO_SHARED_STRINGS);
  }
  const header = Buffer.alloc(30);
  const file = await open(path, 'r');
  try {
    if ((await file.read(header, 0, 30, sheet.local)).bytesRead < 30) throw new FileChanged();
  } finally {
    await file.close();
  }
  const nameLength = header.readUInt16LE(26);
  header.writeUInt16LE(SHEET_PART.length, 26);
  yield Buffer.concat([header, SHEET_PART]);
  yield* record(sheet, sheet.local + 30 + nameLength);
  yield END_OF_ZIP;
}

/** The bytes of the file from `start` up to `end`, failing if it no longer holds them all. */
async function* fileRange(path: string, start: number, end: number): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const chunk of createReadStream(path, { start, end: end - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    read += chunk.length;
    yield chunk;
  }
  if (read < end - start) throw new FileChanged();
}

/** A zip record holding `data` as it is (not compressed). */
function storedRecord(name: string, data: Buffer): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4); // version needed
  header.writeUInt16LE(0x21, 12); // date: 1 January 1980
  header.writeUInt32LE(crc32(data) >>> 0, 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name, 'utf8'), data]);
}

/** The parts of the zip, from its central directory, read from the end of the file. */
async function zipEntries(path: string, fileName: string): Promise<Entry[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
    const end = zipDirectoryEnd(view);
    if (end < 0) throw unreadable(fileName);
    const count = view.getUint16(end + 10, true);
    const directory = Buffer.alloc(view.getUint32(end + 12, true));
    await file.read(directory, 0, directory.length, view.getUint32(end + 16, true));
    const listed: Omit<Entry, 'end'>[] = [];
    for (let at = 0, n = 0; n < count; n++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) throw unreadable(fileName);
      const nameLength = directory.readUInt16LE(at + 28);
      listed.push({
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        method: directory.readUInt16LE(at + 10),
        compressed: directory.readUInt32LE(at + 20),
        expanded: directory.readUInt32LE(at + 24),
        local: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    const starts = [...listed.map((e) => e.local), view.getUint32(end + 16, true)].sort((a, b) => a - b);
    const entries = listed.map((e) => ({ ...e, end: starts.find((s) => s > e.local)! }));
    return entries;
  } finally {
    await file.close();
  }
}

/** Where a part's data starts in the file: after its local header, whose name and extra field may differ from the directory's. */
async function dataStart(path: string, entry: Entry, fileName: string): Promise<number> {
  const file = await open(path, 'r');
  try {
    const header = Buffer.alloc(30);
    await file.read(header, 0, 30, entry.local);
    if (header.readUInt32LE(0) !== 0x04034b50 || (entry.method !== 0 && entry.method !== 8)) throw unreadable(fileName);
    return entry.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await file.close();
  }
}

/** A small part's bytes, expanded. */
async function entryBytes(path: string, entry: Entry, fileName: string): Promise<Buffer> {
  const start = await dataStart(path, entry, fileName);
  const file = await open(path, 'r');
  try {
    const data = Buffer.alloc(entry.compressed);
    await file.read(data, 0, entry.compressed, start);
    return entry.method === 8 ? inflateRawSync(data) : data;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw failedPart(fileName, e);
  } finally {
    await file.close();
  }
}

const MERGES = Buffer.from('<mergeCells', 'latin1');

/** The sheet's merged ranges ("B2:B4"), found by expanding its part as a stream: only what follows `<mergeCells` is kept. */
async function mergedRanges(path: string, entry: Entry, fileName: string): Promise<string[]> {
  const start = await dataStart(path, entry, fileName);
  const raw = createReadStream(path, { start, end: start + Math.max(entry.compressed, 1) - 1, highWaterMark: 1 << 20 });
  const expanded = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 18 })) : raw;
  const overlap = MERGES.length - 1;
  let carry = Buffer.alloc(0);
  let found: Buffer[] | null = null;
  try {
    for await (const chunk of expanded as AsyncIterable<Buffer>) {
      if (found) {
        found.push(chunk);
        continue;
      }
      // The marker may straddle two chunks: the end of the last one is searched with the start of this one.
      const edge = Buffer.concat([carry, chunk.subarray(0, overlap)]);
      const across = edge.indexOf(MERGES);
      const at = across >= 0 ? -1 : chunk.indexOf(MERGES);
      if (across >= 0) found = [edge.subarray(across), chunk.subarray(overlap)];
      else if (at >= 0) found = [chunk.subarray(at)];
      else carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - overlap)));
    }
  } catch (e) {
    throw failedPart(fileName, e);
  }
  if (!found) return [];
  const text = Buffer.concat(found).toString('utf8');
  return [...text.matchAll(/<mergeCell\b[^>]*\bref="([^"]+)"/g)].map((m) => m[1]!).filter((ref) => ref.includes(':'));
}
