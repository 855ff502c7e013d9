import type { CategoryList } from '../../frameworks/schema';
import { matchKey, ownCopy, rememberable } from './textKey';

export type CategoryReading =
  | { kind: 'matched'; id: string }
  /** Blank or a not-stated word: the list's unknown bucket (null when the list has none). */
  | { kind: 'not_stated'; id: string | null }
  /** Matches nothing: still counted in the unknown bucket, so breakdowns add up, and reported. */
  | { kind: 'unrecognised'; id: string | null }
  /**
   * "Police - Norfolk Constabulary": a group that other categories narrow (Other police force, Action Fraud) with a
   * detail naming none of them. Counted as the group, and reported: the detail may mean one of `narrowedBy`.
   */
  | { kind: 'group_only'; id: string; detail: string; narrowedBy: readonly string[] };

/** Splits "Asian or Asian British: Indian", "White - Irish" or "Police (BTP)" into the group and the detail. */
const GROUP_SEPARATOR = /\s*(?::|\s[-–—]\s|\()\s*/;

/** The match keys of 2020-04-01, 01/04/2020 and 01/04/2020 09:30, and of a time's minutes or seconds. */
const DATE_KEY = /^(?:\d{4} \d{2} \d{2}|\d{2} \d{2} \d{4}(?: \d{2})*|\d{2})$/;

/** A council's name after its place: "… City Council", "… Borough Council", "… DC". */
const COUNCIL = /\s+(?:(?:(?:city|district|borough|county|metropolitan(?: borough| district)?)\s+)?council|dc|bc|mbc)\s*$/i;

/** Several values listed in one cell: "Better informed; Feel safer", "Wellbeing | Safety", or one a line. */
const LIST_SEPARATOR = /\s*(?:;|\||\r?\n)\s*/;

/** Spellings remembered: free text (an age column of dates of birth) must not grow the memory without end. */
const SEEN_LIMIT = 100_000;

/** Matches typed values against a category list's labels and synonyms. */
export class CategoryMatcher {
  private readonly byKey = new Map<string, string>();
  private readonly notStated = new Set<string>();
  /** A group's category → the categories that narrow it ("police" → other_police, action_fraud). */
  private readonly narrowers = new Map<string, Set<string>>();
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
    for (const item of list.items)
      for (const group of item.refines ?? []) this.narrowers.set(group, (this.narrowers.get(group) ?? new Set()).add(item.id));
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
    return this.groupAndDetail(text) ?? this.oneOfAlternatives(text) ?? this.placeOfCouncil(text) ?? { kind: 'unrecognised', id: this.list.unknown ?? null };
  }

  /**
   * "Asian or Asian British: Indian", "White - Irish": the first part naming a category is the group, and the detail
   * after it refines it. A detail naming a category that narrows the group ("Police - BTP") is that category; one the
   * list does not know, after a group that others narrow ("Police - Norfolk Constabulary"), leaves the group, reported.
   */
  private groupAndDetail(text: string): CategoryReading | null {
    const parts = text.split(GROUP_SEPARATOR);
    if (parts.length < 2) return null;
    const at = parts.findIndex((part) => this.byKey.has(matchKey(part)));
    if (at < 0) return null;
    const group = this.byKey.get(matchKey(parts[at]!))!;
    const narrowers = this.narrowers.get(group);
    if (!narrowers) return { kind: 'matched', id: group };
    const details = parts.slice(at + 1).filter((part) => matchKey(part) !== '');
    const narrower = details.map((part) => this.byKey.get(matchKey(part))).find((id) => id !== undefined && narrowers.has(id));
    if (narrower) return { kind: 'matched', id: narrower };
    const unknown = details.find((part) => !this.byKey.has(matchKey(part)) && !this.notStated.has(matchKey(part)));
    if (unknown === undefined) return { kind: 'matched', id: group };
    const narrowedBy = this.list.items.filter((item) => narrowers.has(item.id)).map((item) => item.label);
    return { kind: 'group_only', id: group, detail: unknown.replace(/\)\s*$/, '').trim(), narrowedBy };
  }

  /** The values listed in a cell ("Better informed; Feel safer"), or null when it gives one (a spelling of one with ";" in it included). */
  listedIn(text: string): string[] | null {
    const parts = text.split(LIST_SEPARATOR).filter((part) => part.trim() !== '');
    return parts.length < 2 || this.byKey.has(matchKey(text)) ? null : parts;
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
