/**
 * Keys for matching what people type against the spellings a framework accepts: case, spacing, punctuation and
 * `&` versus `and` never matter.
 */
export function matchKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();
}

/** Header key: like matchKey but with no spaces at all, so "Case ID", "CaseID" and "case_id" agree. */
export function headerKey(text: string): string {
  return matchKey(text).replace(/ /g, '');
}

/** A header without its trailing hint in brackets: "Eligible (Y/N)" → "Eligible". */
export function withoutHint(text: string): string {
  return text.replace(/\s*[([][^()[\]]*[)\]]\s*$/, '');
}

/** Collapses runs of white space and trims: how a value is shown back to the user. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** White space and the invisible characters exports leave around values: no-break, zero-width, byte-order marks. */
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const INVISIBLE = /[\u00A0\u2007\u202F\u200B-\u200D\u2060\uFEFF]/;

/** A value without the invisible characters around it, and whether there were any (plain spaces do not count). */
export function withoutInvisibleEdges(text: string): { text: string; invisible: boolean } {
  const stripped = text.replace(EDGES, '');
  return { text: stripped, invisible: stripped !== text && INVISIBLE.test(text.replace(stripped, '')) };
}

/**
 * The text as a string of its own. A parser's values are cut from the chunk of the file they came in, and a value
 * kept for later (a remembered spelling, a case study) would otherwise keep that whole chunk in memory.
 */
export function ownCopy(text: string): string {
  return (` ${text}`).slice(1);
}
