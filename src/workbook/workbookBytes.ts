import { InputError } from '../errors';

/** What an .xlsx may expand to in memory: far above any real case export, far below what would exhaust it. */
export const EXPANDED_LIMIT = 1_000_000_000;
/** How far one part may expand: spreadsheet XML compresses about tenfold, a zip bomb a thousandfold. */
const RATIO_LIMIT = 200;
/** Parts smaller than this expand as they like: the ratio of a tiny part says nothing. */
const RATIO_FLOOR = 10_000_000;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** Whether bytes contain a name as an OLE directory writes it (UTF-16LE). */
function holdsUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = Array.from(name).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Where a zip's end-of-directory record starts, or -1: it sits in the last 64 KB (after an optional comment). */
export function zipDirectoryEnd(view: DataView): number {
  for (let i = view.byteLength - 22; i >= Math.max(0, view.byteLength - 65_557); i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/** The compressed and expanded sizes of every part, from the zip's central directory; null when there is none. */
function zipParts(bytes: Uint8Array): { name: string; compressed: number; expanded: number }[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = zipDirectoryEnd(view);
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const parts = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    // Part names of a workbook are ASCII (xl/worksheets/sheet1.xml): read byte by byte, as every host can.
    const name = String.fromCharCode(...bytes.subarray(at + 46, at + 46 + Math.min(nameLength, 512)));
    // 0xFFFFFFFF means the size is in a zip64 record: more than 4 GB, so over the limit whatever it says.
    parts.push({ name, compressed: view.getUint32(at + 20, true), expanded: view.getUint32(at + 24, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return parts;
}

/**
 * Refuses, before a spreadsheet library spends time and memory on it, a file that cannot be a workbook to read:
 * an empty file, a password-protected workbook or an old .xls (both OLE compound files), or a zip that would
 * expand beyond any real export. `whatToDo` ends the message for a file that is no workbook at all.
 */
export function checkWorkbookBytes(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new InputError(`${fileName} is empty (0 bytes): it was not saved completely. Save or export it again.`);
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (holdsUtf16(bytes, 'EncryptedPackage'))
      throw new InputError(`${fileName} is password-protected, so it cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password, clear it) and save it, then try again.`);
    throw new InputError(`${fileName} is an old-style Excel file (.xls). Open it in Excel and save it as .xlsx, or export the cases as CSV.`);
  }
  const parts = zipParts(bytes);
  if (parts) checkExpansion(parts, fileName, { total: true });
}

/**
 * Refuses a zip whose parts would expand beyond any real export: one part far more than spreadsheet XML does,
 * or (`total`, for a workbook read whole into memory) all of them beyond what memory can hold.
 */
export function checkExpansion(parts: readonly { name: string; compressed: number; expanded: number }[], fileName: string, { total }: { total: boolean }): void {
  const expanded = parts.reduce((sum, p) => sum + p.expanded, 0);
  const bomb = parts.find((p) => p.expanded === 0xffffffff || (p.expanded > RATIO_FLOOR && p.expanded > p.compressed * RATIO_LIMIT));
  if ((total && expanded > EXPANDED_LIMIT) || bomb)
    throw new InputError(
      `${fileName} expands to more than ${bomb ? `${RATIO_LIMIT} times its size (${bomb.name})` : `${EXPANDED_LIMIT / 1_000_000_000} GB`}; is it really a case export? Export the case data again from the case-management system, or as CSV.`,
    );
}
