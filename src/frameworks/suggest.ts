/** The closest of `options` to a mistyped `value`, when one is close enough to be what was meant. */
export function closest(value: string, options: readonly string[]): string | undefined {
  const target = value.toLowerCase();
  let best: { option: string; distance: number } | undefined;
  for (const option of options) {
    const distance = editDistance(target, option.toLowerCase());
    if (!best || distance < best.distance) best = { option, distance };
  }
  // A third of the word may differ: "populaton" finds "population", "kent" finds nothing.
  return best && best.distance <= Math.max(1, Math.floor(Math.max(target.length, best.option.length) / 3)) ? best.option : undefined;
}

/** "Did you mean X? Use one of: a, b, c …", at most `shown` options listed. */
export function useOneOf(value: string, options: readonly string[], what: string, shown = 12): string {
  const near = closest(value, options);
  const listed = options.slice(0, shown).map((o) => `"${o}"`).join(', ');
  const more = options.length > shown ? ` and ${options.length - shown} more` : '';
  return `${near ? `Did you mean "${near}"? ` : ''}Use one of the ${what}: ${listed}${more}.`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
