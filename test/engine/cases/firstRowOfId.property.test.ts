import fc from 'fast-check';
import { FirstRowOfId } from '../../../src/engine/cases/firstRowOfId';

describe('FirstRowOfId', () => {
  it('gives the first row of every repeated Case ID and null for a new one, as a Map of first rows does', () => {
    // Few characters, so IDs repeat often; thousands of them, so the table grows several times.
    const id = fc.string({ unit: fc.constantFrom('A', 'b', '1', '-', ' ', 'é', '\u200b'), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(id, { maxLength: 5000 }), (ids) => {
        const table = new FirstRowOfId();
        const first = new Map<string, number>();
        const expected = ids.map((given, i) => {
          const earlier = first.get(given) ?? null;
          if (earlier === null) first.set(given, i + 2);
          return earlier;
        });
        expect(ids.map((given, i) => table.firstRow(given, i + 2))).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('tells apart 200,000 distinct Case IDs, and finds each again', () => {
    const table = new FirstRowOfId();
    const ids = Array.from({ length: 200_000 }, (_, i) => `VS-${i}`);
    expect(ids.filter((id, i) => table.firstRow(id, i + 2) !== null)).toEqual([]);
    expect(ids.map((id) => table.firstRow(id, 0))).toEqual(ids.map((_, i) => i + 2));
  });
});
