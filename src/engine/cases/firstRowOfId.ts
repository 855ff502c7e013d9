import { ownCopy } from './textKey';

/** Case IDs (their keys) with the row each was first seen on. */
export type IdRows = { ids: string[]; rows: number[] };

/** Slots per Case ID kept, at least: a table at most half full finds a free slot in a probe or two. */
const SPREAD = 2;

/**
 * The row each Case ID was first seen on, to find a repeated Case ID: a hash table of its own over a typed array.
 * An export has a Case ID per row, a million of them in a full sheet, each met once: a `Map` spends most of its
 * time there reaching memory through each stored key, where this reads one slot (a stored hash beside its entry)
 * and reads a stored Case ID only when the hashes agree (a repeat, or a rare clash, told apart by the texts).
 */
export class FirstRowOfId {
  private capacity = 1024;
  /** Two numbers a slot: the hash of its Case ID, and 0 when empty or else 1 + the index of its Case ID in `ids`. */
  private slots = new Int32Array(2 * this.capacity);
  private readonly ids: string[] = [];
  private readonly rows: number[] = [];

  /** The row an earlier row gave `id` on, or null when `id` is new (then it is remembered as first seen on `row`). */
  firstRow(id: string, row: number): number | null {
    const hash = hashOf(id);
    const mask = this.capacity - 1;
    const slots = this.slots;
    let at = hash & mask;
    for (let entry = slots[2 * at + 1]!; entry !== 0; entry = slots[2 * at + 1]!) {
      if (slots[2 * at] === hash && this.ids[entry - 1] === id) return this.rows[entry - 1]!;
      at = (at + 1) & mask;
    }
    // Kept to the end of the file: copied so it holds no chunk of the file with it.
    this.ids.push(ownCopy(id));
    this.rows.push(row);
    slots[2 * at] = hash;
    slots[2 * at + 1] = this.ids.length;
    if (this.ids.length * SPREAD > this.capacity) this.grow();
    return null;
  }

  /** Each Case ID met, with the row it was first seen on: for the reading of a later part of the export to know them. */
  entries(): IdRows {
    return { ids: this.ids, rows: this.rows };
  }

  /** Remembers Case IDs an earlier part of the export gave, on their rows, before this part's rows are read. */
  seed({ ids, rows }: IdRows): void {
    ids.forEach((id, i) => this.firstRow(id, rows[i]!));
  }

  /**
   * Each Case ID met, as two hashes of it (pairs in one array): what parts of an export read apart compare to
   * find a Case ID repeated from one part in another, without sending a million texts between threads. Two
   * different IDs agree on both hashes about once in 2^64 pairs; the rare clash costs a second reading, never a wrong count.
   */
  fingerprints(): Uint32Array {
    const prints = new Uint32Array(2 * this.ids.length);
    this.ids.forEach((id, i) => {
      prints[2 * i] = hashOf(id);
      prints[2 * i + 1] = hashOf(id, 0x2545f491);
    });
    return prints;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const mask = capacity - 1;
    const slots = new Int32Array(2 * capacity);
    for (let from = 0; from < this.capacity; from++) {
      const entry = this.slots[2 * from + 1]!;
      if (entry === 0) continue;
      const hash = this.slots[2 * from]!;
      let at = hash & mask;
      while (slots[2 * at + 1] !== 0) at = (at + 1) & mask;
      slots[2 * at] = hash;
      slots[2 * at + 1] = entry;
    }
    this.capacity = capacity;
    this.slots = slots;
  }
}

/** FNV-1a over the text's UTF-16 code units (from another seed for a second, independent hash), then mixed so that nearby IDs (VS-1, VS-2 …) spread over the table. */
function hashOf(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
