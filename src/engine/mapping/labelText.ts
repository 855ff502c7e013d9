import { matchKey } from '../cases/textKey';

/**
 * How a template's wording is compared with a framework's: question numbers, bullets, "of whom", case,
 * punctuation, `&`/and and plurals never matter; filler words ("number of", "the") carry no meaning.
 */

/** Question numbers and bullets at the start of a label: `2.2.1`, `Q3`, `A3b`, `(a)`, `iv)`, `•`; never the "18 – " of "18 – 24". */
const LEAD = /^\s*(?:(?:q(?:uestion)?\s*)?\d+(?:\.\d+)*[a-z]?[.):]?|[a-z]{1,2}\d+(?:\.\d+)*[a-z]?[.):]?|\(?[a-z]\)|\(?[ivx]+\)|[•·\-–*])\s+(?=.*\p{L})/iu;
const OF_WHOM = /^\s*(?:of\s+(?:whom|which)|including|of\s+these|of\s+those)\b[\s,:–-]*/i;

const FILLER = new Set(
  'a an the of to for in on at by with who whom which that this these those their your you have has had been were was is are be and or from as please provide state give enter etc eg ie e g i e per any all how many'.split(
    ' ',
  ),
);

/** A label without its question number, bullet or "of whom" lead. */
export function bareLabel(text: string): string {
  let label = text.trim();
  for (let previous = ''; previous !== label; ) {
    previous = label;
    label = label.replace(LEAD, '').replace(OF_WHOM, '').trim();
  }
  return label;
}

/** Everyday English shorthand, the same in any commissioner's template. */
const PLAIN_WORDS: Record<string, string> = { no: 'number', nos: 'number', num: 'number', avg: 'average', ave: 'average', av: 'average', tot: 'total', approx: 'approximately', yr: 'year', yrs: 'year' };

/** A word without its plural or -ed/-ing ending, so "referrals", "referral" and "referred" agree. */
function stem(word: string): string {
  const plain = PLAIN_WORDS[word];
  if (plain) return plain;
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('als')) return word.slice(0, -3);
  if (word.endsWith('al') && word.length > 5) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The meaningful words of a label, stemmed, in order. */
export function labelWords(text: string): string[] {
  return remembered(wordsOf, text, () =>
    matchKey(bareLabel(text))
      .split(' ')
      .filter((w) => w !== '' && !FILLER.has(w))
      .map(stem),
  );
}

const wordsOf = new Map<string, string[]>();

/** The same key for two labels that differ only in spelling, case, punctuation or a question number. */
export function labelKey(text: string): string {
  return remembered(keysOf, text, () => matchKey(bareLabel(text)));
}

const keysOf = new Map<string, string>();

/** A pure function's answer for a text, worked out once: a mapping compares every row with every wording. */
export function remembered<T>(cache: Map<string, T>, text: string, work: () => T): T {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const value = work();
  if (cache.size > 50_000) cache.clear();
  cache.set(text, value);
  return value;
}

/**
 * The variants of a long label worth comparing: the whole, the whole without its asides in brackets, and the
 * part before an explanation (" – this means …", ": …", "e.g.").
 */
export function labelVariants(text: string): string[] {
  const withoutAsides = text.replace(/\s*[([][^()[\]]*[)\]]/g, '').trim();
  const main = withoutAsides.split(/\s[–—-]\s|:\s|\be\.g\.|\bincluding\b/i)[0]!.trim();
  return [...new Set([text, withoutAsides, main].filter((v) => v !== ''))];
}

/** How much each word tells figures apart: words in many of a framework's wordings ("victim") weigh little. */
export type WordWeight = (word: string) => number;
const evenly: WordWeight = () => 1;

const UNKNOWN_WORD = 2.5;

/** Weights from a body of wordings: the inverse of how many of them use a word. */
export function wordWeights(wordings: readonly string[]): WordWeight {
  const uses = new Map<string, number>();
  for (const wording of wordings) for (const word of new Set(labelWords(wording))) uses.set(word, (uses.get(word) ?? 0) + 1);
  const total = wordings.length;
  // A word the framework never uses ("April", "young") weighs as a typical word: it may be noise, or what sets a label apart.
  return (word) => {
    const count = uses.get(word);
    return count === undefined ? UNKNOWN_WORD : Math.log(1 + total / count);
  };
}

/** Dice's coefficient over the meaningful words, each weighed: 1 for the same words, 0 for none shared. */
function dice(a: string[], b: string[], weigh: WordWeight): number {
  if (!a.length || !b.length) return 0;
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  let all = 0;
  for (const w of left) {
    all += weigh(w);
    if (right.has(w)) shared += weigh(w);
  }
  for (const w of right) all += weigh(w);
  return all === 0 ? 0 : (2 * shared) / all;
}

/**
 * How much of a heading's meaning a wording covers: the weighed share of the heading's words found in it
 * ("Referrals" is all there in "New referrals in the period"); `whole` compares the whole heading only, not
 * its main part.
 */
export function coverage(heading: string, wordings: readonly string[], weigh: WordWeight = evenly, whole = false): number {
  let best = 0;
  for (const variant of whole ? [heading] : labelVariants(heading)) {
    const words = [...new Set(labelWords(variant))];
    const total = words.reduce((sum, w) => sum + weigh(w), 0);
    if (total === 0) continue;
    for (const wording of wordings) {
      const there = new Set(labelWords(wording));
      best = Math.max(best, words.reduce((sum, w) => sum + (there.has(w) ? weigh(w) : 0), 0) / total);
    }
  }
  return best;
}

/** The score of a label that says exactly one of a figure's wordings: above any partial match, so it stands clear of them. */
export const IDENTICAL = 1.25;

/**
 * How well a template's label says one of a figure's wordings: IDENTICAL when it is one of them, else the
 * weighed share of words they have in common (1 for the same words in another order, towards 0 when unrelated).
 */
export function labelSimilarity(label: string, wordings: readonly string[], weigh: WordWeight = evenly): number {
  const key = labelKey(label);
  let best = 0;
  for (const wording of wordings) {
    if (key === labelKey(wording)) return IDENTICAL;
    for (const variant of labelVariants(label)) best = Math.max(best, dice(labelWords(variant), labelWords(wording), weigh));
  }
  return best;
}
