/**
 * The parts (their indexes) with a Case ID that is also in an earlier part, told by the parts' fingerprints
 * (`FirstRowOfId.fingerprints`, in row order of the parts). Each part found its own repeats; a repeat across
 * parts was counted as a new case in the later part, so such parts must be read again knowing the earlier IDs.
 */
export function repeatsAcrossParts(parts: readonly Uint32Array[]): number[] {
  const repeating: number[] = [];
  const ids = parts.reduce((n, p) => n + p.length / 2, 0);
  let capacity = 1024;
  while (capacity < 2 * ids) capacity *= 2;
  const mask = capacity - 1;
  // Two numbers a slot, the fingerprint's; a slot of two zeros is empty (a fingerprint of two zero hashes is kept apart).
  const slots = new Uint32Array(2 * capacity);
  let zero = false;
  parts.forEach((prints, part) => {
    for (let i = 0; i < prints.length; i += 2)
      if (seen(prints[i]!, prints[i + 1]!)) {
        repeating.push(part);
        break;
      }
    for (let i = 0; i < prints.length; i += 2) add(prints[i]!, prints[i + 1]!);
  });
  return repeating;

  function seen(a: number, b: number): boolean {
    if (a === 0 && b === 0) return zero;
    for (let at = a & mask; slots[2 * at] !== 0 || slots[2 * at + 1] !== 0; at = (at + 1) & mask) if (slots[2 * at] === a && slots[2 * at + 1] === b) return true;
    return false;
  }
  function add(a: number, b: number): void {
    if (a === 0 && b === 0) return void (zero = true);
    let at = a & mask;
    while (slots[2 * at] !== 0 || slots[2 * at + 1] !== 0) {
      if (slots[2 * at] === a && slots[2 * at + 1] === b) return;
      at = (at + 1) & mask;
    }
    slots[2 * at] = a;
    slots[2 * at + 1] = b;
  }
}
