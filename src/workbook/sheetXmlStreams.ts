import { constants, crc32, deflateRawSync } from 'node:zlib';
import { CELL_TEXT_LIMIT, columnLetters } from '../engine/cases/rawTable';
import { absoluteRef } from './addresses';
import type { CellWrite, NamedRange, RowSpool } from './port';
import { DATE_FORMAT, DATE_TIME_FORMAT, dateFormatOf } from './styles';
import type { SheetStreams } from './xlsxWorkbook';
import { crc32Combine, partText, unescapeXml, workbookSheets, zipOf, zipParts, type ZipPart } from './zipPackage';

/**
 * Case sheets written as sheet XML while the export is read, compressed as they go, and joined to the package
 * ExcelJS writes for the rest of the workbook: memory stays flat whatever the number of rows.
 */
export const sheetXmlStreams: SheetStreams = {
  spool: () => new SheetXmlSpool(),
  package: (bytes, sheets, names) => joinStreamedSheets(bytes, sheets, names),
};

/** The cell styles dates are written with (a date, a date with its time): inserted after the package's first when it is joined. */
const DATE_STYLES = { [DATE_FORMAT]: 1, [DATE_TIME_FORMAT]: 2 } as const;
const FIRST_OWN_STYLE = 3;
/** Sheet XML gathered before it is compressed: big enough to compress well, small enough not to matter in memory. */
const SEGMENT = 1 << 20;
/** Fast compression: the rows are long and repetitive, and a full sheet's worth is compressed. */
const LEVEL = 3;

const ascii = (text: string) => Buffer.from(text, 'latin1');
const ROW_OPEN = ascii('<row r="');
const ROW_CLOSE = ascii('</row>');
const CELL_OPEN = ascii('<c r="');
const TAG_END = ascii('">');
const TEXT_OPEN = ascii('" t="inlineStr"><is><t>');
const TEXT_OPEN_SPACED = ascii('" t="inlineStr"><is><t xml:space="preserve">');
const TEXT_CLOSE = ascii('</t></is></c>');
const VALUE_CLOSE = ascii('</v></c>');
const BOOLEAN_OPEN = ascii('" t="b"><v>');
const DATE_OPEN = new Map(Object.entries(DATE_STYLES).map(([format, style]) => [format, ascii(`" s="${style}"><v>`)]));
const FORMULA_OPEN = ascii('"><f>');
const FORMULA_TEXT_OPEN = ascii('" t="str"><f>');
const FORMULA_VALUE = ascii('</f><v>');
const FORMULA_CLOSE = ascii('</f></c>');

/**
 * A spool of sheet rows as compressed `<row>` XML. Each cell is written as bytes straight into one reusable
 * buffer (no string per cell or row), which is deflated a segment at a time, each ending on a byte (a sync
 * flush) so the segments join into one stream.
 */
export class SheetXmlSpool implements RowSpool {
  readonly segments: Buffer[] = [];
  crc = 0;
  size = 0;
  firstRow = 0;
  lastRow = 0;
  lastColumn = 0;
  private buffer = Buffer.allocUnsafe(2 * SEGMENT);
  private at = 0;

  add(row: number, cells: readonly CellWrite[]): void {
    if (row <= this.lastRow) throw new Error(`row ${row} spooled after row ${this.lastRow}`);
    let open = false;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? null;
      const text = typeof cell === 'string' ? (cell.length > CELL_TEXT_LIMIT ? cell.slice(0, CELL_TEXT_LIMIT) : cell) : null;
      if (!written(cell)) continue;
      // Room for the cell's markup and its text: a character is at most 5 bytes in the XML (`&amp;`).
      const longest = 96 + 5 * (text !== null ? text.length : isFormula(cell) ? cell.formula.length + (typeof cell.result === 'string' ? cell.result.length : 0) : 0);
      if (this.at + longest > this.buffer.length) this.compress(longest);
      if (!open) {
        this.put(ROW_OPEN);
        this.putNumber(row);
        this.put(TAG_END);
        open = true;
      }
      this.put(CELL_OPEN);
      this.putText(columnOf(i + 1));
      this.putNumber(row);
      this.cell(cell!, text);
      if (i + 1 > this.lastColumn) this.lastColumn = i + 1;
    }
    if (!open) return;
    this.put(ROW_CLOSE);
    if (this.firstRow === 0) this.firstRow = row;
    this.lastRow = row;
    if (this.at >= SEGMENT) this.compress(0);
  }

  /** Compresses what is gathered; after the last row, the spool is complete. */
  flush(): void {
    this.compress(0);
  }

  /** The cell's attributes after its reference, and its value. */
  private cell(cell: Exclude<CellWrite, null>, text: string | null): void {
    if (text !== null) {
      this.put(text.trim() === text ? TEXT_OPEN : TEXT_OPEN_SPACED);
      this.putText(escapeXml(text));
      this.put(TEXT_CLOSE);
    } else if (typeof cell === 'number') {
      this.put(TAG_END);
      this.putText(`<v>${cell}`);
      this.put(VALUE_CLOSE);
    } else if (typeof cell === 'boolean') {
      this.put(BOOLEAN_OPEN);
      this.putText(cell ? '1' : '0');
      this.put(VALUE_CLOSE);
    } else if (cell instanceof Date) {
      // Excel's day 25569 is 1 January 1970; a time of day is kept as the fraction.
      this.put(DATE_OPEN.get(dateFormatOf(cell))!);
      this.putText(String(25569 + cell.getTime() / 86_400_000));
      this.put(VALUE_CLOSE);
    } else if (isFormula(cell)) {
      const result = cell.result;
      this.put(typeof result === 'string' ? FORMULA_TEXT_OPEN : FORMULA_OPEN);
      this.putText(escapeXml(cell.formula));
      if (typeof result === 'number' || typeof result === 'string') {
        this.put(FORMULA_VALUE);
        this.putText(typeof result === 'number' ? String(result) : escapeXml(result));
        this.put(VALUE_CLOSE);
      } else this.put(FORMULA_CLOSE);
    }
  }

  private put(bytes: Buffer): void {
    bytes.copy(this.buffer, this.at);
    this.at += bytes.length;
  }

  private putText(text: string): void {
    this.at += this.buffer.write(text, this.at, 'utf8');
  }

  /** A whole number's digits, written without making a string of them. */
  private putNumber(n: number): void {
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    for (let i = this.at + digits - 1, rest = n; i >= this.at; i--, rest = Math.floor(rest / 10)) this.buffer[i] = 48 + (rest % 10);
    this.at += digits;
  }

  /** Deflates the gathered bytes into a segment, leaving room for `next` more bytes. */
  private compress(next: number): void {
    if (this.at > 0) {
      const text = this.buffer.subarray(0, this.at);
      this.crc = crc32(text, this.crc);
      this.size += this.at;
      this.segments.push(deflateRawSync(text, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH }));
      this.at = 0;
    }
    if (next > this.buffer.length) this.buffer = Buffer.allocUnsafe(next + SEGMENT);
  }
}

const isFormula = (cell: CellWrite): cell is Extract<CellWrite, { formula: string }> => typeof cell === 'object' && cell !== null && !(cell instanceof Date);

/** Whether a cell is written at all: empty text, a blank, and numbers or dates that are not finite are not. */
function written(cell: CellWrite): boolean {
  if (cell === null || cell === '') return false;
  if (typeof cell === 'number') return Number.isFinite(cell);
  if (cell instanceof Date) return Number.isFinite(cell.getTime());
  return true;
}

const letters: string[] = [];
const columnOf = (column: number) => (letters[column] ??= columnLetters(column));
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  // Characters XML cannot hold at all (control characters) are left out.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const deflated = (text: string, last: boolean) => deflateRawSync(Buffer.from(text, 'utf8'), { level: 6, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });

/** A part rewritten with new text. */
function rewritten(part: ZipPart, text: string): ZipPart {
  const bytes = Buffer.from(text, 'utf8');
  return { name: part.name, data: [deflateRawSync(bytes, { level: 6 })], method: 8, crc: crc32(bytes), size: bytes.length };
}

/**
 * The package with each streamed sheet's rows below what ExcelJS wrote in it, the names over them in the
 * workbook, and the date styles the rows use inserted after the first of the cell styles (every other style
 * moved on, in every sheet ExcelJS wrote).
 */
function joinStreamedSheets(bytes: Uint8Array, sheets: { sheet: string; spool: RowSpool }[], names: NamedRange[]): Uint8Array[] {
  const parts = zipParts(bytes);
  const part = (name: string) => {
    const found = parts.find((p) => p.name === name);
    if (!found) throw new Error(`the package has no ${name}`);
    return found;
  };
  const workbookXml = partText(part('xl/workbook.xml'));
  const rels = partText(part('xl/_rels/workbook.xml.rels'));
  const sheetParts = workbookSheets(workbookXml, rels);
  const partOfSheet = (sheet: string) => {
    const part = sheetParts.find((s) => s.name === sheet)?.part;
    if (!part) throw new Error(`the package has no sheet "${sheet}"`);
    return part;
  };
  const streamed = new Map(
    sheets.map(({ sheet, spool }) => {
      if (!(spool instanceof SheetXmlSpool)) throw new Error(`the rows for "${sheet}" were spooled for another workbook`);
      spool.flush();
      return [partOfSheet(sheet), spool] as const;
    }),
  );
  const joined = parts.map((p) => {
    if (p.name === 'xl/workbook.xml') return rewritten(p, withNames(workbookXml, names));
    if (p.name === 'xl/styles.xml') return rewritten(p, withDateStyles(partText(p)));
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(p.name)) return p;
    const xml = withStylesMovedOn(partText(p));
    const spool = streamed.get(p.name);
    return spool ? withSpooledRows(p.name, xml, spool) : rewritten(p, xml);
  });
  return zipOf(joined);
}

/** The sheet's XML with the spool's rows after its own (whose last row must be above the first spooled). */
function withSpooledRows(name: string, xml: string, spool: SheetXmlSpool): ZipPart {
  const empty = xml.indexOf('<sheetData/>');
  const close = xml.indexOf('</sheetData>');
  const cut = empty >= 0 ? empty : close;
  if (cut < 0) throw new Error(`${name} has no sheetData`);
  const rows = [...xml.slice(0, cut).matchAll(/<row\b[^>]*\br="(\d+)"/g)];
  const above = rows.length ? Number(rows[rows.length - 1]![1]) : 0;
  if (spool.firstRow && above >= spool.firstRow) throw new Error(`${name}: spooled rows from ${spool.firstRow} would go above row ${above}`);
  // The sheet's extent, as readers size it from.
  const dimension = /<dimension ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\/>/.exec(xml);
  let head = empty >= 0 ? `${xml.slice(0, empty)}<sheetData>` : xml.slice(0, close);
  if (dimension && spool.lastRow) {
    const right = Math.max(spool.lastColumn, columnNumberOf(dimension[3] ?? dimension[1]!));
    const bottom = Math.max(spool.lastRow, Number(dimension[4] ?? dimension[2]));
    head = head.replace(dimension[0], `<dimension ref="A1:${columnOf(right)}${bottom}"/>`);
  }
  const tail = empty >= 0 ? `</sheetData>${xml.slice(empty + '<sheetData/>'.length)}` : xml.slice(close);
  const headBytes = Buffer.from(head, 'utf8');
  const tailBytes = Buffer.from(tail, 'utf8');
  const crc = crc32(tailBytes, crc32Combine(crc32(headBytes), spool.crc, spool.size));
  return { name, data: [deflated(head, false), ...spool.segments, deflated(tail, true)], method: 8, crc, size: headBytes.length + spool.size + tailBytes.length };
}

const columnNumberOf = (text: string) => [...text].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Every cell style index from 1 on moved on, to make room for the date styles. */
function withStylesMovedOn(xml: string): string {
  const on = (_: string, before: string, index: string) => `${before}${Number(index) >= 1 ? Number(index) + FIRST_OWN_STYLE - 1 : index}"`;
  return xml.replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g, on).replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, on);
}

/** The styles with the date styles inserted after the first cell style, and their number formats. */
function withDateStyles(xml: string): string {
  let styles = xml;
  const formatIds = Object.keys(DATE_STYLES).map((format) => {
    const existing = [...styles.matchAll(/<numFmt\b[^>]*\bnumFmtId="(\d+)"[^>]*\bformatCode="([^"]*)"/g)];
    const found = existing.find((m) => unescapeXml(m[2]!) === format)?.[1];
    if (found) return found;
    // Number formats of a workbook's own are numbered from 164.
    const id = String(Math.max(163, ...existing.map((m) => Number(m[1]))) + 1);
    const numFmt = `<numFmt numFmtId="${id}" formatCode="${format}"/>`;
    styles = /<numFmts\b[^>]*>/.test(styles)
      ? styles.replace(/<numFmts\b([^>]*)\bcount="(\d+)"([^>]*)>/, (_, a: string, n: string, b: string) => `<numFmts${a}count="${Number(n) + 1}"${b}>${numFmt}`)
      : styles.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="1">${numFmt}</numFmts>`);
    return id;
  });
  const cellXfs = /<cellXfs\b([^>]*)\bcount="(\d+)"([^>]*)>\s*(<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>))/.exec(styles);
  if (!cellXfs) throw new Error('the package has no cell styles');
  const dateStyles = formatIds.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  return styles.replace(cellXfs[0], `<cellXfs${cellXfs[1]}count="${Number(cellXfs[2]) + formatIds.length}"${cellXfs[3]}>${cellXfs[4]}${dateStyles}`);
}

/** The workbook's XML with the names over streamed sheets among its defined names. */
function withNames(xml: string, names: NamedRange[]): string {
  if (!names.length) return xml;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const defined = names.map((n) => `<definedName name="${escape(n.name)}">${escape(absoluteRef(n.sheet, n.range))}</definedName>`).join('');
  if (xml.includes('</definedNames>')) return xml.replace('</definedNames>', `${defined}</definedNames>`);
  return xml.replace('</sheets>', `</sheets><definedNames>${defined}</definedNames>`);
}
