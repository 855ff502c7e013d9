import fc from 'fast-check';
import type { SheetRow } from '../../src/engine/cases/importCases';
import { PartNotApart, streamDelimited, streamDelimitedPart, type DelimitedPart } from '../../src/tables/streamDelimited';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** The bytes handed over in pieces of the given size, as a file stream gives them. */
const inPieces = (bytes: Uint8Array, size: number) => async function* () {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
};

/** The whole file's reading, its first chunk holding the whole text (as a file's first megabyte holds many lines, from which the line break is guessed). */
async function whole(bytes: Uint8Array): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  await streamDelimited(inPieces(bytes, bytes.length), 'cases.csv', () => (row) => rows.push({ number: row.number, cells: [...row.cells] }));
  return rows;
}

/** Reads the bytes in parts cut at the given byte offsets, each told the records before it, as `tallyInParts` does. */
async function inParts(bytes: Uint8Array, cuts: { offset: number; rows: number }[], newline: '\n' | '\r\n', size: number): Promise<SheetRow[]> {
  const starts = [{ offset: 0, rows: 0 }, ...cuts];
  const parts = await Promise.all(
    starts.map(async (cut, i) => {
      const next = starts[i + 1];
      const part: DelimitedPart = { delimiter: ',', newline, firstRow: cut.rows + 1, atStart: i === 0, records: next ? next.rows - cut.rows : null, encoding: 'utf-8' };
      const rows: SheetRow[] = [];
      await streamDelimitedPart(inPieces(bytes.subarray(cut.offset, next?.offset ?? bytes.length), size), 'cases.csv', (row) => rows.push({ number: row.number, cells: [...row.cells] }), part);
      return rows;
    }),
  );
  return parts.flat();
}

const field = fc.oneof(
  fc.constantFrom('', 'Theft', 'é', '😀', 'a b'),
  fc.constantFrom('"Called, left ""message"""', '"two\nlines"', '"two\r\nlines, quoted"', '""'),
);
const record = fc.array(field, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));

describe('a part of a delimited file read on its own', () => {
  it('gives the rows, numbers and cells the whole file gives there, cut at any record boundary, with a byte-order mark and either line break', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { minLength: 2, maxLength: 30 }), fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (records, newline, picks, size, lastBreak) => {
          const lines = ['Case ID,Crime type,Gender,Notes', ...records];
          const text = `\ufeff${lines.join(newline)}${lastBreak ? newline : ''}`;
          const bytes = utf8(text);
          // Each record's start as a byte offset: the cut points.
          const starts = lines.map((_, i) => utf8(`\ufeff${lines.slice(0, i).map((l) => l + newline).join('')}`).length);
          const at = [...new Set(picks.map((p) => 1 + (p % (lines.length - 1))))].sort((a, b) => a - b);
          const cuts = at.map((i) => ({ offset: starts[i]!, rows: i }));
          expect(await inParts(bytes, cuts, newline, size)).toEqual(await whole(bytes));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is refused when its cut is not a record boundary: a line break inside a quoted value, or the records before it miscounted', async () => {
    const text = 'Case ID,Notes\nC1,"first\nsecond"\nC2,x\n';
    const bytes = utf8(text);
    const insideQuote = text.indexOf('second');
    await expect(inParts(bytes, [{ offset: insideQuote, rows: 2 }], '\n', 5)).rejects.toBeInstanceOf(PartNotApart);
    const boundary = text.indexOf('C2');
    expect(await inParts(bytes, [{ offset: boundary, rows: 2 }], '\n', 5)).toEqual(await whole(bytes));
    await expect(inParts(bytes, [{ offset: boundary, rows: 3 }], '\n', 5)).rejects.toBeInstanceOf(PartNotApart);
  });

  it('is refused when a later part is not UTF-8 (the whole file is then read in the Windows code page)', async () => {
    const bytes = new Uint8Array([...utf8('Case ID,Notes\nC1,x\n'), ...utf8('C2,caf'), 0xe9, ...utf8('\n')]);
    await expect(inParts(bytes, [{ offset: 19, rows: 2 }], '\n', 64)).rejects.toBeInstanceOf(PartNotApart);
  });
});

describe('a part that starts with a byte-order mark in the middle of the file', () => {
  it('keeps it, as the whole reading does (two exports joined into one file): it is a character of that row, not the start of the text', async () => {
    const second = '\ufeffCase ID,Notes\nC3,"y, z"\n';
    const first = 'Case ID,Notes\nC1,x\nC2,x\n';
    const bytes = utf8(first + second);
    const cut = { offset: utf8(first).length, rows: 3 };
    const rows = await inParts(bytes, [cut], '\n', 64);
    expect(rows.find((row) => row.number === 4)!.cells[0]).toBe('\ufeffCase ID');
    expect(rows).toEqual(await whole(bytes));
  });
});
