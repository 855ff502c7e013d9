import { matchKey } from '../cases/textKey';

/**
 * How a template's wording is compared with a framework's: question numbers, bullets, "of whom", case,
 * punctuation, `&`/and and plurals never matter; filler words ("number of", "the") carry no meaning.
 */

/** Question numbers and bullets at the start of a label: `2.2.1`, `Q3`, `(a)`, `iv)`, `•`. */
const LEAD = /^\s*(?:(?:q(?:uestion)?\s*)?\d+(?:\.\d+)*[a-z]?[.):]?|\(?[a-z]\)|\(?[ivx]+\)|[•·\-–*])\s+/i;
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

/** A word without its plural or -ed/-ing ending, so "referrals", "referral" and "referred" agree. */
function stem(word: string): string {
  if (word === 'no' || word === 'nos' || word === 'num') return 'number';
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
  return matchKey(bareLabel(text))
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w))
    .map(stem);
}

/** The same key for two labels that differ only in spelling, case, punctuation or a question number. */
export function labelKey(text: string): string {
  return matchKey(bareLabel(text));
}

/** The variants of a long label worth comparing: the whole, and the part before an explanation (" – this means …"). */
function variants(text: string): string[] {
  const main = text.split(/\s[–—-]\s|:\s|\s\(|\be\.g\.|\bincluding\b/i)[0]!;
  return main.trim() && main.length < text.length ? [text, main] : [text];
}

/** Dice's coefficient over the meaningful words: 1 for the same words, 0 for none shared. */
function dice(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const w of left) if (right.has(w)) shared++;
  return (2 * shared) / (left.size + right.size);
}

/** How well a template's label says one of a figure's wordings: 1 when they say the same, towards 0 when unrelated. */
export function labelSimilarity(label: string, wordings: readonly string[]): number {
  const key = labelKey(label);
  let best = 0;
  for (const wording of wordings) {
    if (key === labelKey(wording)) return 1;
    for (const variant of variants(label)) best = Math.max(best, dice(labelWords(variant), labelWords(wording)));
  }
  return best;
}
