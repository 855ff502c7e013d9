/** A linear equation a published table states: Σ coefficient × cell = 0 (a total is −1, each part +1). */
export type Equation = ReadonlyMap<string, number>;

/** A prime under 2^26, so a product of two residues stays exact in a double. */
const P = 67_108_859;
const mod = (n: number) => ((n % P) + P) % P;
function inverse(a: number): number {
  // Fermat: a^(P−2) mod P, by squaring with exact products.
  let result = 1;
  let base = mod(a);
  for (let e = P - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = (result * base) % P;
    base = (base * base) % P;
  }
  return result;
}

/**
 * The hidden cells whose value can be worked out exactly from the published ones, by any combination of the
 * equations (not only one at a time: across the rows and columns of a cross-table too). A hidden cell x is
 * determined exactly when the unit vector of x lies in the row space of the equations restricted to the hidden
 * cells: in reduced row echelon form, x is a pivot whose row has no other hidden cell. Elimination is exact,
 * modulo a large prime; the equations' coefficients are small integers, so the ranks agree with those over the
 * rationals (an unlucky prime could only make a cell look determined, which suppresses more, never less).
 */
export function determinedCells(equations: readonly Equation[], hidden: ReadonlySet<string>): string[] {
  const columns = [...hidden];
  const index = new Map(columns.map((c, i) => [c, i]));
  const rows: number[][] = [];
  for (const equation of equations) {
    const row = new Array<number>(columns.length).fill(0);
    let any = false;
    for (const [cell, coefficient] of equation) {
      const i = index.get(cell);
      if (i === undefined) continue;
      row[i] = mod(row[i]! + coefficient);
      any = any || row[i] !== 0;
    }
    if (any) rows.push(row);
  }
  const pivots: { row: number; column: number }[] = [];
  let r = 0;
  for (let c = 0; c < columns.length && r < rows.length; c++) {
    const found = rows.findIndex((row, i) => i >= r && row[c] !== 0);
    if (found < 0) continue;
    [rows[r], rows[found]] = [rows[found]!, rows[r]!];
    const pivotRow = rows[r]!;
    const scale = inverse(pivotRow[c]!);
    for (let k = c; k < columns.length; k++) pivotRow[k] = (pivotRow[k]! * scale) % P;
    rows.forEach((row, i) => {
      if (i === r || row[c] === 0) return;
      const factor = row[c]!;
      for (let k = c; k < columns.length; k++) if (pivotRow[k] !== 0) row[k] = mod(row[k]! - ((factor * pivotRow[k]!) % P));
    });
    pivots.push({ row: r, column: c });
    r++;
  }
  return pivots.filter(({ row }) => rows[row]!.filter((v) => v !== 0).length === 1).map(({ column }) => columns[column]!);
}
