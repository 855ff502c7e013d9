import fc from 'fast-check';
import type { SheetRow } from '../../src/engine/cases/importCases';
import { RowCoder, RowDecoder } from '../../src/tables/codedRows';

function roundTrip(rows: SheetRow[], batchRows: number): SheetRow[] {
  const coder = new RowCoder();
  const decoder = new RowDecoder();
  const out: SheetRow[] = [];
  const send = () => {
    const batch = coder.take();
    if (batch) decoder.decode(batch, (row) => out.push(row));
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

  it('sends a column of unique values as text once its codes run out, and still codes the values it knows', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ number: i + 2, cells: [`C-${i}`, i % 3 === 0 ? 'Yes' : null, `C-${i % 5000}`] }));
    const coder = new RowCoder();
    rows.forEach((row) => coder.add(row));
    const batch = coder.take()!;
    // Column A: 4,096 values coded, the rest as text; column C: the first 4,096 coded and met again later.
    expect(batch.added.find((a) => a.column === 0)!.values).toHaveLength(4096);
    expect(batch.raw.filter((t) => t.startsWith('C-')).length).toBe(10_000 - 4096 + (5000 - 4096) * 2);
    const decoded: SheetRow[] = [];
    new RowDecoder().decode(batch, (row) => decoded.push(row));
    expect(decoded).toEqual(rows);
    expect(coder.take()).toBeNull();
  });
});
