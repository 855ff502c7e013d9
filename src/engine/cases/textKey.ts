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
  return isTidy(text) ? text : text.replace(/\s+/g, ' ').trim();
}

/** Plain printable ASCII with single spaces between words: what most values are, and what `tidy` leaves alone. */
function isTidy(text: string): boolean {
  let space = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 32 || c > 126) return false;
    else space = false;
  }
  return !space;
}

/** Whether the text starts and ends with a printable ASCII character other than a space: then it has no edges to trim. */
export function hasPlainEdges(text: string): boolean {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

/** White space and the invisible characters exports leave around values: no-break, zero-width, byte-order marks. */
const EDGES = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const INVISIBLE = /[\u00A0\u2007\u202F\u200B-\u200D\u2060\uFEFF]/;

/** A value without the invisible characters around it, and whether there were any (plain spaces do not count). */
export function withoutInvisibleEdges(text: string): { text: string; invisible: boolean } {
  if (hasPlainEdges(text)) return { text, invisible: false };
  const stripped = text.replace(EDGES, '');
  return { text: stripped, invisible: stripped !== text && INVISIBLE.test(text.replace(stripped, '')) };
}

/**
 * Whether a cell's text is short enough to remember by its spelling (as a category, flag, count or age is read
 * once per spelling): a longer one is no spelling an export repeats (a note broken out of its quotes, pasted
 * text), and remembering each would hold every one of them.
 */
export const rememberable = (text: string): boolean => text.length <= 256;

/**
 * The text as a string of its own. A parser's values are cut from the chunk of the file they came in, and a value
 * kept for later (a remembered spelling, a case study) would otherwise keep that whole chunk in memory.
 */
export function ownCopy(text: string): string {
  return (` ${text}`).slice(1);
}

/**
 * The key Case IDs are matched on, between a case's rows (a repeat) and between an event and its case: letter case
 * never matters, as in the spreadsheet's COUNTIFS and MATCH over the filled sheets ("ss-101" is case "SS-101").
 * Spacing is already tidied when a Case ID is read.
 */
export function caseIdKey(id: string): string {
  return id.toLowerCase();
}
