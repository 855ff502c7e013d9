/** numerator / denominator to 2 decimals (or `places`), halves away from zero (as spreadsheet ROUND does), without float drift. */
export function roundedRatio(numerator: number, denominator: number, places = 2): number {
  const scale = 10 ** places;
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  return (sign * Math.floor((n * 2 * scale + d) / (2 * d))) / scale;
}
