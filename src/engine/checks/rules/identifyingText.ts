import { textEntries, whichEntry } from './listEntries';
import type { RuleCheck } from './types';

/** A UK phone number: 0 and ten more digits, or +44 and ten, however spaced. */
function holdsPhoneNumber(text: string): boolean {
  for (const m of text.matchAll(/(?:\+\s?44|(?<![\d])0)[\d\s\-()]{8,16}\d/g)) {
    // "+44 (0)1223 …" writes the trunk 0 in brackets: it is not dialled.
    const digits = m[0].replace(/\(0\)/, '').replace(/\D/g, '');
    if (digits.startsWith('44') ? digits.length === 12 : digits.length === 10 || digits.length === 11) return true;
  }
  return false;
}

/** What identifies a person, as it is usually written in a case study. The values are never quoted back. */
const IDENTIFIERS: { what: string; found: (text: string) => boolean }[] = [
  { what: 'an email address', found: (t) => /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u.test(t) },
  { what: 'a phone number', found: holdsPhoneNumber },
  // Postcodes as written on letters: outward code (CB1, SW1A), space, inward code (2AB).
  { what: 'a postcode', found: (t) => /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b/.test(t) },
  { what: 'a date of birth', found: (t) => /\b(?:d\.?o\.?b\b\.?|date of birth|born(?: on| in)?)[\s:,-]*(?:\d{1,2}(?:st|nd|rd|th)?[\s/.-]+(?:\d{1,2}|[a-z]{3,9})[\s/.-]+\d{2,4}|[a-z]{3,9} \d{4}|\d{4}[-/]\d{1,2}[-/]\d{1,2}|\d{4})/i.test(t) },
];

function list(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * A text sent anonymised (a case study) that may identify someone: an email address, a phone number, a postcode
 * or a date of birth. The finding names what kind of thing was found, never the value.
 */
export const checkIdentifyingText: RuleCheck<'identifying_text'> = (rule, context) =>
  textEntries(context.data, rule.list).flatMap((entry) => {
    const text = entry.text ?? '';
    const found = IDENTIFIERS.filter((i) => i.found(text)).map((i) => i.what);
    if (!found.length) return [];
    return [{ figures: [], params: entry.caseId ? { text: entry.caseId } : {}, message: `The ${rule.itemLabel}${whichEntry(entry)} may identify the victim: it holds ${list(found)}. It is sent to the commissioner, so it must be anonymous.` }];
  });
