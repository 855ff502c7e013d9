import type { SheetRow } from '../../src/engine/cases/importCases';
import { InputError } from '../../src/errors';
import { streamDelimited } from '../../src/tables/streamDelimited';
import { streamDelimitedInThread } from '../../src/cli/streamDelimitedInThread';
import { UNREAD_CELL } from '../../src/tables/codedRows';

const inPieces = (bytes: Uint8Array, size: number) => async function* () {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
};

/** Each pass's rows (a file read again in another encoding has two). */
async function passes(stream: typeof streamDelimited, bytes: Uint8Array): Promise<SheetRow[][]> {
  const read: SheetRow[][] = [];
  await stream(inPieces(bytes, 65_536), 'cases.csv', () => {
    const rows: SheetRow[] = [];
    read.push(rows);
    return ({ number, cells }) => rows.push({ number, cells });
  });
  return read;
}

/** An export of many batches: a unique Case ID, repeated spellings, quoted commas and line breaks, blank and short rows. */
function export_(rows: number, last = 'Theft'): string {
  const lines = ['Case ID,Crime,Notes,Date referred'];
  for (let i = 0; i < rows; i++)
    lines.push(i % 997 === 0 ? '' : i % 1009 === 0 ? `VS-${i},Fraud` : `VS-${i},${['Theft', 'Fraud', 'Robbery'][i % 3]},"said ""no"", then\nleft",${String((i % 28) + 1).padStart(2, '0')}/04/2020`);
  lines.push(`VS-end,${last},,`);
  return `${lines.join('\r\n')}\r\n`;
}

describe('streamDelimitedInThread', () => {
  it('gives the rows of a many-batch export that one thread gives, in order, numbered alike', async () => {
    const bytes = new TextEncoder().encode(export_(20_000));
    const one = await passes(streamDelimited, bytes);
    const two = await passes(streamDelimitedInThread, bytes);
    expect(two).toHaveLength(1);
    expect(two[0]!.length).toBe(one[0]!.length);
    expect(two).toEqual(one);
  });

  it('starts again from the first row when a late byte shows the file is Windows-1252, as one thread does', async () => {
    const text = new TextEncoder().encode(export_(12_000, 'Th?ft'));
    const bytes = text.map((b) => (b === 0x3f ? 0xe9 : b));
    const one = await passes(streamDelimited, bytes);
    const two = await passes(streamDelimitedInThread, bytes);
    expect(one).toHaveLength(2);
    expect(two.length).toBe(2);
    expect(two[1]).toEqual(one[1]);
    expect(two[1]!.at(-2)!.cells[1]).toBe('Théft');
  });

  it('refuses a quote never closed with the message one thread gives', async () => {
    const bytes = new TextEncoder().encode(`${export_(9000)}VS-x,"never closed\n`);
    await expect(passes(streamDelimited, bytes)).rejects.toThrow(InputError);
    const message = await passes(streamDelimited, bytes).catch((e: Error) => e.message);
    await expect(passes(streamDelimitedInThread, bytes)).rejects.toThrow(new InputError(message as string));
  });

  it('stops at the first problem the counting finds, with that problem', async () => {
    const bytes = new TextEncoder().encode(export_(20_000));
    const problem = new InputError('row 5000 is wrong');
    const counting = streamDelimitedInThread(inPieces(bytes, 65_536), 'cases.csv', () => (row) => {
      if (row.number === 5000) throw problem;
    });
    await expect(counting).rejects.toBe(problem);
  });

  it('stops when its signal is aborted while the rows are counted', async () => {
    const bytes = new TextEncoder().encode(export_(20_000));
    const controller = new AbortController();
    const counting = streamDelimitedInThread(inPieces(bytes, 65_536), 'cases.csv', () => (row) => {
      if (row.number === 100) controller.abort(new Error('cancelled'));
    }, { signal: controller.signal });
    await expect(counting).rejects.toThrow('cancelled');
  });

  it('once told which columns are read, sends of the others only whether each cell is filled, and rows that do not fit in full', async () => {
    const long = 'x'.repeat(40_000);
    const bytes = new TextEncoder().encode(`${export_(20_000)}VS-long,Theft,${long},01/04/2020\r\nVS-spaces,Theft,"  ",01/04/2020\r\nVS-wide,Theft,note,01/04/2020,beyond\r\n`);
    const [one] = await passes(streamDelimited, bytes);
    const two: SheetRow[] = [];
    await streamDelimitedInThread(inPieces(bytes, 65_536), 'cases.csv', () => ({ number, cells }) => two.push({ number, cells }), {
      // Told from the first batch on: the rows of the batches already under way come whole.
      columnsRead: () => ({ width: 4, read: [0, 1, 3] }),
    });
    expect(two.map((r) => r.number)).toEqual(one!.map((r) => r.number));
    const notes = two.map((row, i) => {
      const given = one![i]!.cells;
      // Every cell but an unread column's of a row as wide as the header row comes as it is.
      expect(row.cells.filter((_, c) => c !== 2 || given.length < 4)).toEqual(given.filter((_, c) => c !== 2 || given.length < 4));
      return [given[2] ?? null, row.cells[2] ?? null];
    });
    const unread = notes.filter(([given, sent]) => given !== sent);
    expect(unread.length).toBeGreaterThan(10_000);
    // A filled cell comes as filled (a blank of spaces as blank), never with its text.
    expect(unread.every(([given, sent]) => typeof given === 'string' && given.length <= 32_767 && sent === (given.trim() === '' ? null : UNREAD_CELL))).toBe(true);
    // Text too long for a cell, a blank of spaces, and cells beyond the last column come as they are.
    expect(two.find((r) => r.cells[0] === 'VS-long')!.cells[2] === long).toBe(true);
    expect(two.find((r) => r.cells[0] === 'VS-spaces')!.cells[2]).toBeNull();
    expect(two.at(-2)!.cells).toEqual(['VS-wide', 'Theft', UNREAD_CELL, '01/04/2020', 'beyond']);
  });
});

