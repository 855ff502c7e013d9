import { ownCopy } from './textKey';

/** Slots per Case ID kept, at least: a table at most half full finds a free slot in a probe or two. */
const SPREAD = 2;

/**
 * The row each Case ID was first seen on, to find a repeated Case ID: a hash table of its own over typed arrays.
 * An export has a Case ID per row, a million of them in a full sheet, each met once: a `Map` spends most of its
 * time there on memory it reaches through each stored key, where this compares a stored hash first and reads a
 * stored Case ID only when the hashes agree (a repeat, or a rare clash, told apart by comparing the texts).
 */
export class FirstRowOfId {
  private capacity = 1024;
  private hashes = new Int32Array(this.capacity);
  /** Per slot: 0 empty, else 1 + the index of its Case ID in `ids`. */
  private slots = new Int32Array(this.capacity);
  private readonly ids: string[] = [];
  private readonly rows: number[] = [];

  /** The row an earlier row gave `id` on, or null when `id` is new (then it is remembered as first seen on `row`). */
  firstRow(id: string, row: number): number | null {
    const hash = hashOf(id);
    const mask = this.capacity - 1;
    let at = hash & mask;
    for (let slot = this.slots[at]!; slot !== 0; slot = this.slots[at]!) {
      if (this.hashes[at] === hash && this.ids[slot - 1] === id) return this.rows[slot - 1]!;
      at = (at + 1) & mask;
    }
    // Kept to the end of the file: copied so it holds no chunk of the file with it.
    this.ids.push(ownCopy(id));
    this.rows.push(row);
    this.slots[at] = this.ids.length;
    this.hashes[at] = hash;
    if (this.ids.length * SPREAD > this.capacity) this.grow();
    return null;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const mask = capacity - 1;
    const hashes = new Int32Array(capacity);
    const slots = new Int32Array(capacity);
    for (let from = 0; from < this.capacity; from++) {
      const slot = this.slots[from]!;
      if (slot === 0) continue;
      let at = this.hashes[from]! & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = slot;
      hashes[at] = this.hashes[from]!;
    }
    this.capacity = capacity;
    this.hashes = hashes;
    this.slots = slots;
  }
}

/** FNV-1a over the text's UTF-16 code units, then mixed so that nearby IDs (VS-1, VS-2 …) spread over the table. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
