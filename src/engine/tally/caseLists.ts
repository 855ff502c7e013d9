import { z } from 'zod';
import { namesOf, textOf, type CaseRecord } from '../cases/caseRecord';
import { matchKey, ownCopy, tidy } from '../cases/textKey';

export interface NamedCount {
  name: string;
  count: number;
}

export const caseTextSchema = z.strictObject({ caseId: z.string(), row: z.number().int(), text: z.string(), words: z.number().int() });
export type CaseText = z.infer<typeof caseTextSchema>;

/**
 * What a list has collected: the names met, in the order first met, each with its match key and count; or the
 * texts in row order.
 */
export const listStateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('names'), keys: z.array(z.string()), names: z.array(z.string()), counts: z.array(z.number().int()) }),
  z.strictObject({ kind: z.literal('texts'), texts: z.array(caseTextSchema) }),
]);
export type ListState = z.infer<typeof listStateSchema>;

/** A list of the framework's (names or texts), fed the cases of its population. */
export interface ListCollector<T> {
  add(record: CaseRecord): void;
  result(): T[];
  state(): ListState;
  /** Adds another counter's state of this list, as if that counter's cases had followed this one's. */
  absorb(state: ListState): void;
}

/** Spellings of names whose keys are remembered: a list of free text must not grow the memory without end. */
const NAME_KEYS_KEPT = 100_000;

/** Names (agencies) with how many cases named each; spellings differing only in case or spacing are one name. */
export function nameCounter(column: string): ListCollector<NamedCount> {
  const counts = new Map<string, NamedCount>();
  // The same few names are written over and over: each spelling's key is worked out once.
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) {
      key = matchKey(name);
      if (keys.size < NAME_KEYS_KEPT) keys.set(ownCopy(name), key);
    }
    return key;
  };
  const seen = new Set<string>();
  return {
    add(record) {
      seen.clear();
      for (const name of namesOf(record, column)) {
        const key = keyOf(name);
        if (seen.has(key)) continue;
        seen.add(key);
        const entry = counts.get(key) ?? { name: ownCopy(tidy(name)), count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
    },
    // Names with the same count keep the order first met: a merged list is sorted as one counter's would be.
    result: () => [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    state: () => {
      const entries = [...counts];
      return { kind: 'names', keys: entries.map(([key]) => key), names: entries.map(([, e]) => e.name), counts: entries.map(([, e]) => e.count) };
    },
    absorb(state) {
      if (state.kind !== 'names' || state.names.length !== state.keys.length || state.counts.length !== state.keys.length) throw new Error('a list state that is not names with their keys and counts: the counters differ');
      // A name keeps the spelling met first: this counter's, its cases being earlier.
      state.keys.forEach((key, i) => {
        const entry = counts.get(key) ?? { name: state.names[i]!, count: 0 };
        entry.count += state.counts[i]!;
        counts.set(key, entry);
      });
    },
  };
}

/** The texts (case studies) of the cases, in row order, with their word counts. */
export function textCollector(column: string): ListCollector<CaseText> {
  const texts: CaseText[] = [];
  return {
    add(record) {
      const text = textOf(record, column);
      if (text) texts.push({ caseId: ownCopy(record.id), row: record.row, text: ownCopy(text), words: text.split(/\s+/).filter(Boolean).length });
    },
    result: () => texts,
    state: () => ({ kind: 'texts', texts: [...texts] }),
    absorb(state) {
      if (state.kind !== 'texts') throw new Error('a list state that is not texts: the counters differ');
      for (const text of state.texts) texts.push(text);
    },
  };
}
