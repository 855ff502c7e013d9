import { crc32, inflateRawSync } from 'node:zlib';
import { InputError } from '../errors';
import { zipDirectoryEnd } from './workbookBytes';

/** One part of a zip package: its name and its bytes as stored (deflated, or as they are). */
export interface ZipPart {
  name: string;
  /** Deflated data (method 8) or the bytes themselves (method 0). */
  data: Uint8Array[];
  method: 0 | 8;
  crc: number;
  size: number;
}

/** The parts of a zip held in memory, as its central directory lists them (a package ExcelJS wrote). */
export function zipParts(bytes: Uint8Array): ZipPart[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = zipDirectoryEnd(view);
  if (end < 0) throw new Error('no zip directory');
  const parts: ZipPart[] = [];
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('broken zip directory');
    const method = view.getUint16(at + 10, true);
    if (method !== 0 && method !== 8) throw new Error(`zip method ${method}`);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    parts.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      data: [bytes.subarray(start, start + compressed)],
      method,
      crc: view.getUint32(at + 16, true),
      size: view.getUint32(at + 24, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return parts;
}

/** A part's text. */
export function partText(part: ZipPart): string {
  const stored = Buffer.concat(part.data);
  return (part.method === 8 ? inflateRawSync(stored) : stored).toString('utf8');
}

export const unescapeXml = (text: string) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A workbook's sheets in its order, each with the part that holds it (null when its relationship names none), from xl/workbook.xml and its relationships. */
export function workbookSheets(workbookXml: string, rels: string): { name: string; part: string | null }[] {
  return [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => {
    const id = /\br:id="([^"]*)"/.exec(tag)?.[1];
    const target = id && new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`).exec(rels)?.[0].match(/\bTarget="([^"]*)"/)?.[1];
    return { name: unescapeXml(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ''), part: target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : null };
  });
}

const EMPTY_SHEET = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>', 'utf8');

/**
 * The package with the named sheets left empty (their parts a sheet with no cells): sheets a command writes anew,
 * such as a return's case sheets of an earlier fill, are then never expanded into a spreadsheet library's cells.
 */
export function withSheetsEmptied(bytes: Uint8Array, sheets: readonly string[]): Uint8Array {
  const parts = zipParts(bytes);
  const text = (name: string) => {
    const part = parts.find((p) => p.name === name);
    return part ? partText(part) : '';
  };
  const emptied = new Set(workbookSheets(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels')).flatMap((s) => (s.part && sheets.includes(s.name) ? [s.part] : [])));
  if (!emptied.size) return bytes;
  const empty: Omit<ZipPart, 'name'> = { data: [EMPTY_SHEET], method: 0, crc: crc32(EMPTY_SHEET), size: EMPTY_SHEET.length };
  return Buffer.concat(zipOf(parts.map((p) => (emptied.has(p.name) ? { name: p.name, ...empty } : p))));
}

/** The most a zip without its 64-bit extension holds in one part, or in all. */
const ZIP32_LIMIT = 0xffffffff;

/** A zip of the parts, in order, as chunks to write one after another. */
export function zipOf(parts: ZipPart[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  const tooBig = () => new InputError('The workbook would be over 4 GB, more than an .xlsx file can hold: fill the return from a shorter period of the export.');
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const compressed = part.data.reduce((n, d) => n + d.length, 0);
    if (compressed > ZIP32_LIMIT || part.size > ZIP32_LIMIT || offset > ZIP32_LIMIT) throw tooBig();
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      header.writeUInt16LE(part.method, at + 4);
      header.writeUInt16LE(0, at + 6); // time
      header.writeUInt16LE(0x21, at + 8); // date: 1 January 1980
      header.writeUInt32LE(part.crc >>> 0, at + 10);
      header.writeUInt32LE(compressed, at + 14);
      header.writeUInt32LE(part.size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    chunks.push(local, name, ...part.data);
    offset += local.length + name.length + compressed;
  }
  const size = directory.reduce((n, d) => n + d.length, 0);
  if (offset + size > ZIP32_LIMIT) throw tooBig();
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return [...chunks, ...directory, end];
}

/** The CRC-32 of two pieces of data joined, from theirs (zlib's crc32_combine): a streamed part's CRC is known before what precedes it. */
export function crc32Combine(first: number, second: number, secondLength: number): number {
  if (secondLength <= 0) return first >>> 0;
  const times = (matrix: Uint32Array, vector: number) => {
    let sum = 0;
    for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
    return sum >>> 0;
  };
  const square = (into: Uint32Array, matrix: Uint32Array) => {
    for (let n = 0; n < 32; n++) into[n] = times(matrix, matrix[n]!);
  };
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row = (row << 1) >>> 0) odd[n] = row;
  square(even, odd);
  square(odd, even);
  let crc = first >>> 0;
  let length = secondLength;
  do {
    square(even, odd);
    if (length % 2 === 1) crc = times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    square(odd, even);
    if (length % 2 === 1) crc = times(odd, crc);
    length = Math.floor(length / 2);
  } while (length !== 0);
  return (crc ^ second) >>> 0;
}

export { crc32 };
