import fc from 'fast-check';
import type { SheetRow } from '../../src/engine/cases/importCases';
import { RowCoder, RowDecoder } from '../../src/tables/codedRows';

/** The rows decoded, and each coded cell's code with its column and text. */
function roundTrip(rows: SheetRow[], batchRows: number): SheetRow[] {
  const coder = new RowCoder();
  const decoder = new RowDecoder();
  const out: SheetRow[] = [];
  const textOfCode = new Map<string, SheetRow['cells'][number]>();
  const send = () => {
    const batch = coder.take();
    if (batch)
      decoder.decode(batch, ({ number, cells, codes }) => {
        out.push({ number, cells });
        // A code stands for one text of its column, whichever batch it comes in.
        codes!.forEach((code, column) => {
          if (code < 0) return;
          const key = `${column}:${code}`;
          if (textOfCode.has(key)) expect(cells[column]).toBe(textOfCode.get(key));
          else textOfCode.set(key, cells[column] ?? null);
        });
        expect(codes).toHaveLength(cells.length);
      });
  };
  for (const row of rows) {
    coder.add(row);
    if (coder.rows >= batchRows) send();
  }
  send();
  return out;
}

describe('RowCoder and RowDecoder', () => {
  it('give back every row, its number and its cells, however the rows are batched', () => {
    const cell = fc.oneof(fc.constant(null), fc.constantFrom('Yes', 'No', 'Theft', ''), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), (cellRows, batchRows) => {
        const rows = cellRows.map((cells, i) => ({ number: 3 * i + 1, cells }));
        expect(roundTrip(rows, batchRows)).toEqual(rows);
      }),
    );
  });

  it('sends a column of unique values as text once its codes run out, and keeps coding a column of few values', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ number: i + 2, cells: [`C-${i}`, i % 3 === 0 ? 'Yes' : null, `C-${i % 5000}`] }));
    const coder = new RowCoder();
    rows.forEach((row) => coder.add(row));
    const batch = coder.take()!;
    // Columns A and C: 4,096 values coded, every later value as text (known or not); column B: one value, coded.
    expect(batch.added.map((a) => [a.column, a.values.length])).toEqual([[0, 4096], [1, 1], [2, 4096]]);
    expect(batch.raw).toHaveLength(2 * (10_000 - 4096));
    const decoded: SheetRow[] = [];
    new RowDecoder().decode(batch, ({ number, cells }) => decoded.push({ number, cells }));
    expect(decoded).toEqual(rows);
    expect(coder.take()).toBeNull();
  });

  it('sends a value too long to be a spelling an export repeats (a note broken out of its quotes) as text, never coded and kept', () => {
    const note = `Yes ${'and more '.repeat(40)}`;
    const rows = [1, 2, 3].map((i) => ({ number: i + 1, cells: ['Yes', note, 'x'.repeat(256)] }));
    const coder = new RowCoder();
    rows.forEach((row) => coder.add(row));
    const batch = coder.take()!;
    // Columns A and C (256 characters) are coded; column B's 364 characters travel as text on each row.
    expect(batch.added).toEqual([{ column: 0, values: ['Yes'] }, { column: 2, values: ['x'.repeat(256)] }]);
    expect(batch.raw).toEqual([note, note, note]);
    const decoded: SheetRow[] = [];
    new RowDecoder().decode(batch, ({ number, cells }) => decoded.push({ number, cells }));
    expect(decoded).toEqual(rows);
  });

  it('keeps coding a column whose values repeat (dates) past 4,096 values, and codes none past 65,536', () => {
    // Column A: every value new. Column B: 5,000 values, each met 4 times. Column C: 70,000 values, each met 3 times.
    const rows = Array.from({ length: 210_000 }, (_, i) => ({ number: i + 2, cells: [`C-${i}`, `D-${Math.floor(i / 4) % 5000}`, `E-${Math.floor(i / 3)}`] }));
    const coder = new RowCoder();
    rows.forEach((row) => coder.add(row));
    const batch = coder.take()!;
    expect(batch.added.map((a) => [a.column, a.values.length])).toEqual([[0, 4096], [1, 5000], [2, 65_536]]);
    // Column C's values past its 65,536th new one go as text, those met before as well as new ones.
    expect(batch.raw).toHaveLength(210_000 - 4096 + (210_000 - 3 * 65_536));
    const decoded: SheetRow[] = [];
    new RowDecoder().decode(batch, ({ number, cells }) => decoded.push({ number, cells }));
    expect(decoded).toEqual(rows);
  });

  it('tells which rows it measured to fit a spreadsheet cell, a value too long for one sent as text', () => {
    const long = 'x'.repeat(32_768);
    const rows: SheetRow[] = [
      { number: 2, cells: ['A-1', 'Theft'] },
      { number: 3, cells: ['A-2', long] },
      { number: 4, cells: ['A-3', 'Theft'] },
      { number: 5, cells: ['A-4', long] },
      // A column of unique values goes as text after 4,096 of them: a long one is measured too.
      ...Array.from({ length: 4100 }, (_, i) => ({ number: 6 + i, cells: [`B-${i}`, 'Fraud'] })),
      { number: 4106, cells: [`${long}!`, 'Fraud'] },
    ];
    const coder = new RowCoder();
    rows.forEach((row) => coder.add(row));
    const unfit: number[] = [];
    new RowDecoder().decode(coder.take()!, ({ number, fits }) => fits || unfit.push(number));
    expect(unfit).toEqual([3, 5, 4106]);
  });
});

