/** numerator / denominator to 2 decimals, halves away from zero (as spreadsheet ROUND does), without float drift. */
export function roundedRatio(numerator: number, denominator: number): number {
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  return (sign * Math.floor((n * 200 + d) / (2 * d))) / 100;
}
