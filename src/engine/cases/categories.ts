import type { CategoryList } from '../../frameworks/schema';
import { matchKey, ownCopy, rememberable } from './textKey';

export type CategoryReading =
  | { kind: 'matched'; id: string }
  /** Blank or a not-stated word: the list's unknown bucket (null when the list has none). */
  | { kind: 'not_stated'; id: string | null }
  /** Matches nothing: still counted in the unknown bucket, so breakdowns add up, and reported. */
  | { kind: 'unrecognised'; id: string | null };

/** Splits "Asian or Asian British: Indian" or "White - Irish" into the group and the detail. */
const GROUP_SEPARATOR = /\s*(?::|\s[-–—]\s|\()\s*/;

/** The match keys of 2020-04-01, 01/04/2020 and 01/04/2020 09:30, and of a time's minutes or seconds. */
const DATE_KEY = /^(?:\d{4} \d{2} \d{2}|\d{2} \d{2} \d{4}(?: \d{2})*|\d{2})$/;

/** A council's name after its place: "… City Council", "… Borough Council", "… DC". */
const COUNCIL = /\s+(?:(?:(?:city|district|borough|county|metropolitan(?: borough| district)?)\s+)?council|dc|bc|mbc)\s*$/i;

/** Spellings remembered: free text (an age column of dates of birth) must not grow the memory without end. */
const SEEN_LIMIT = 100_000;

/** Matches typed values against a category list's labels and synonyms. */
export class CategoryMatcher {
  private readonly byKey = new Map<string, string>();
  private readonly notStated = new Set<string>();
  /** Exports repeat the same few spellings thousands of times: each is matched once. */
  private readonly seen = new Map<string, CategoryReading>();

  constructor(
    readonly list: CategoryList,
    notStatedWords: readonly string[],
  ) {
    for (const item of list.items)
      for (const spelling of [item.label, item.id.replace(/_/g, ' '), ...item.synonyms]) {
        const key = matchKey(spelling);
        if (key && !this.byKey.has(key)) this.byKey.set(key, item.id);
      }
    for (const word of notStatedWords) this.notStated.add(matchKey(word));
    this.mayReadDates = [...this.byKey.keys(), ...this.notStated].some((key) => DATE_KEY.test(key));
  }

  /** Whether a spelling it accepts reads as a date in numbers (or the part of one before or after a colon) would: then a date could be one of its values. */
  readonly mayReadDates: boolean;

  read(text: string): CategoryReading {
    let reading = this.seen.get(text);
    if (!reading) {
      reading = this.match(text);
      if (this.seen.size < SEEN_LIMIT && rememberable(text)) this.seen.set(ownCopy(text), reading);
    }
    return reading;
  }

  private match(text: string): CategoryReading {
    const key = matchKey(text);
    // Only a blank is blank: "***" or "?" has no letters but was typed for a reason, and is reported.
    if (key === '' && text.trim() !== '') return { kind: 'unrecognised', id: this.list.unknown ?? null };
    if (key === '') return { kind: 'not_stated', id: this.list.unknown ?? null };
    const direct = this.byKey.get(key);
    // A list's own spelling outranks the framework's not-stated words: Safe Spaces' ethnicity "Not specified" is "Prefer not to say".
    if (direct && direct !== this.list.unknown) return { kind: 'matched', id: direct };
    if (this.notStated.has(key)) return { kind: 'not_stated', id: this.list.unknown ?? null };
    if (direct) return { kind: 'matched', id: direct };
    for (const part of text.split(GROUP_SEPARATOR)) {
      const partKey = matchKey(part);
      const id = this.byKey.get(partKey);
      if (id) return { kind: 'matched', id };
    }
    return this.oneOfAlternatives(text) ?? this.placeOfCouncil(text) ?? { kind: 'unrecognised', id: this.list.unknown ?? null };
  }

  /** "Fenland District Council", "Huntingdonshire DC": an area written as its council is the area. */
  private placeOfCouncil(text: string): CategoryReading | null {
    const place = text.replace(COUNCIL, '');
    const id = place === text ? undefined : this.byKey.get(matchKey(place));
    return id === undefined || id === this.list.unknown ? null : { kind: 'matched', id };
  }

  /**
   * "Straight/Heterosexual", "Gay/Lesbian": two spellings of one category written as alternatives. Matched only when
   * every alternative is a spelling of the same category ("Domestic abuse/Stalking" stays unrecognised).
   */
  private oneOfAlternatives(text: string): CategoryReading | null {
    const parts = text.split('/');
    if (parts.length < 2) return null;
    const ids = new Set(parts.map((part) => this.byKey.get(matchKey(part))));
    const [id] = ids;
    return ids.size === 1 && id !== undefined && id !== this.list.unknown ? { kind: 'matched', id } : null;
  }

  /** The labels of the list, for "accepted values" in messages. */
  acceptedLabels(): string[] {
    return this.list.items.filter((i) => i.id !== this.list.unknown).map((i) => i.label);
  }
}
