/** Words of a text, to compare with Case IDs: runs between spaces and list punctuation. */
const WORD = /[^\s,;:()[\]{}"'“”‘’]+/gu;

/** Where the placeholder goes instead of a Case ID. */
export const CASE_PLACEHOLDER = '[case]';

/**
 * Takes Case IDs out of a text a provider or a check wrote: whatever their letter case; an ID of several words
 * ("CASE 7") as a whole; and, as one system's IDs look alike, any word shaped as they are (the same letters and
 * separators, as many digits: "VS-100847" beside "VS-100000"), so that the ID of a case no longer in the data
 * (named by a finding written before it was taken out) is not sent either. Short IDs of digits alone or letters
 * alone (42, 607, "A", "Ann") cannot be told from a number or a word in a sentence and are left alone, and so is a
 * shape without a letter (it could be a count).
 */
export function caseIdScrubber(ids: Iterable<string>): (text: string) => string {
  const known = new Set<string>();
  const shapes = new Set<string>();
  const phrases: string[] = [];
  for (const id of ids) {
    if (!tellable(id)) continue;
    if (/\s/.test(id)) phrases.push(id);
    else known.add(id.toLowerCase());
    // A short ID's shape (C123) is a cell's address too: only IDs of five characters or more lend theirs.
    if (/\p{L}/u.test(id) && /\d/.test(id) && !/\s/.test(id) && id.length >= 5) shapes.add(shapeOf(id));
  }
  const phrase = phrases.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${phrases.map((p) => p.trim().split(/\s+/).map(escaped).join('\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : null;
  const isId = (word: string) => known.has(word.toLowerCase()) || shapes.has(shapeOf(word));
  return (text) =>
    (phrase ? text.replace(phrase, CASE_PLACEHOLDER) : text).replace(WORD, (word) => {
      // A sentence's full stop after an ID stays.
      const bare = word.replace(/\.+$/, '');
      return isId(word) ? CASE_PLACEHOLDER : bare !== word && isId(bare) ? `${CASE_PLACEHOLDER}${word.slice(bare.length)}` : word;
    });
}

/** An ID that can be told from a word or a number in a sentence: letters with digits, or five characters or more. */
function tellable(id: string): boolean {
  return (/\d/.test(id) && /\D/.test(id)) || id.length >= 5;
}

/** An ID's shape: its letters (in lower case) and separators as they are, each digit as #. */
function shapeOf(id: string): string {
  return id.toLowerCase().replace(/\d/g, '#');
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
