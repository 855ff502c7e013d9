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
