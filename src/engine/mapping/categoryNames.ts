import { categoryListOf } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import { labelKey, remembered } from './labelText';

/** A category a template's label names, and how sure that is (1: one of its spellings; less: most of its words). */
export interface NamedCategory {
  id: string;
  score: number;
  /** The label led with the list's own name ("Gender – Female"), so it says which list it is. */
  listNamed?: boolean;
}

/** Fuzzy names must be mostly explained by one category's spellings, and clearly less by any other's. */
const FUZZY = { score: 0.7, margin: 0.15 };
/** How alike a label must be to a spelling it does not contain. */
const CLOSE = 0.85;

/** A spelling's key, blind to plurals: "Self-referrals" and "Self-referral" agree. */
function categoryKey(text: string): string {
  return remembered(keys, text, () =>
    labelKey(text.replace(/</g, ' under ').replace(/>/g, ' over '))
      .split(' ')
      .map((w) => (w.length > 3 ? w.replace(/s$/, '') : w))
      .join(' '),
  );
}

const keys = new Map<string, string>();

const LINKING = new Set(['the', 'of', 'and', 'a', 'an', 'in', 'on', 'with', 'to', 'for', 'by', 'or', 'all', 'etc', 'incl', 'including']);

/** A name's words as written, plurals aside, without linking words. */
function nameWords(text: string): Set<string> {
  return new Set(categoryKey(text).split(' ').filter((w) => w !== '' && !LINKING.has(w)));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** A text after its first words: "Sexual orientation – Gay/Lesbian" after 2 words is "Gay/Lesbian". */
function afterWords(text: string, count: number): string {
  const words = [...text.matchAll(/[\p{L}\p{N}+]+/gu)];
  const last = words[count - 1];
  return last ? text.slice(last.index! + last[0].length).replace(/^[\s–—:-]+/, '') : text;
}

/** "Theft (including vehicle crime)" → "Theft": the qualifier in brackets left out. */
function withoutBrackets(text: string): string {
  return text.replace(/\s*[([][^()[\]]*[)\]]/g, '').trim();
}

/**
 * The categories of a framework's list by their names in a template: labels, spellings the case data accepts,
 * template wordings (aliases), and for the list's not-stated bucket the framework's not-stated words.
 */
export class CategoryNames {
  private readonly keys = new Map<string, string>();
  /** Each category's label words, to tell a bare shared word ("Self") from a name. */
  private readonly labels: string[][] = [];
  private readonly spellings: { id: string; text: string }[] = [];
  /** The list's own names, which a label may lead with: "Crime type not recorded". */
  private readonly listNames: string[];
  /** The list's own names a heading uses (its column's data spellings such as "Disabled" may be categories). */
  private readonly headings: string[];

  constructor(
    framework: Framework,
    columnKey: string,
    /** Writes out the framework's abbreviations, on both sides of every comparison. */
    expand: (text: string) => string = (text) => text,
  ) {
    const list = categoryListOf(framework, columnKey);
    const column = framework.columns.find((c) => c.key === columnKey);
    const key = (n: string) => categoryKey(expand(n));
    this.headings = [list.label, ...list.aliases, column?.header ?? ''].map(key).filter((k) => k !== '');
    this.listNames = [...this.headings, ...(column?.synonyms ?? []).map(key)].filter((k) => k !== '');
    for (const item of list.items) {
      this.labels.push(categoryKey(expand(item.label)).split(' '));
      const texts = [item.label, ...item.synonyms, ...item.aliases, ...(item.id === list.unknown ? framework.notStated : [])].map(expand);
      for (const text of texts) {
        const key = categoryKey(text);
        // A spelling two categories share names neither.
        this.keys.set(key, this.keys.has(key) && this.keys.get(key) !== item.id ? '' : item.id);
        this.spellings.push({ id: item.id, text });
      }
    }
  }

  /** The category a label names, or null where it names none or could name two. */
  find(label: string): NamedCategory | null {
    // "All other crime" is whatever the table's other rows leave: a pool, not the list's Other; the list's own
    // name ("Sexual orientation") heads it and is none of its categories.
    if (/^\s*all\s+other\b/i.test(label) || this.headings.includes(categoryKey(withoutBrackets(label)))) return null;
    const found = this.named(label);
    // A bare word that begins two categories' names ("Self": self-referral, or online self-referral?) names neither.
    if (found) {
      const words = categoryKey(label).split(' ');
      const begins = this.labels.filter((l) => words.every((w, i) => l[i] === w));
      if (begins.length > 1 && !begins.some((l) => l.length === words.length)) return null;
    }
    return found;
  }

  private named(label: string): NamedCategory | null {
    const bare = withoutBrackets(label);
    // "Other (incl. modern slavery)" pools two categories: it names neither.
    for (const [, inside] of label.matchAll(/[([]([^()[\]]*)[)\]]/g)) {
      const pooled = this.keys.get(categoryKey(inside!.replace(/^\s*(?:incl\.?|including|inc\.?|e\.?g\.?|plus|and)\s+/i, '')));
      const outside = this.keys.get(categoryKey(bare));
      if (pooled && outside && pooled !== outside) return null;
    }
    const named = this.listNames.find((name) => categoryKey(bare).startsWith(`${name} `));
    for (const text of [label, bare, ...(named ? [afterWords(bare, named.split(' ').length)] : [])]) {
      const exact = this.keys.get(categoryKey(text));
      const listNamed = named !== undefined && text !== label && text !== bare;
      if (exact) return { id: exact, score: 1, ...(listNamed ? { listNamed } : {}) };
      // "Prefer not to say / not known": every part that names a category names the same one.
      const parts = text.split(/\s*\/\s*|\s+or\s+/).map((p) => this.keys.get(categoryKey(p)) ?? '');
      const ids = new Set(parts);
      if (parts.length > 1 && ids.size === 1 && parts[0] !== '') return { id: parts[0]!, score: 1, ...(listNamed ? { listNamed } : {}) };
      // "Other / not known" pools two categories, or one with a residue the list has no name for: it names neither.
      const namedParts = parts.filter((p) => p !== '');
      const residue = text.split(/\s*\/\s*|\s+or\s+/).some((p, i) => parts[i] === '' && /^(?:any\s+)?others?\b/i.test(p.trim()));
      if (new Set(namedParts).size > 1 || (namedParts.length && residue)) return null;
    }
    // Otherwise: a category one of whose spellings is all in the label ("Web chat" in "Self – online/web chat")
    // names it as far as its spellings explain the label; one with no spelling all there ("Outside
    // Cambridgeshire" for "Cambridgeshire"), only by a close likeness. Words are compared as written, plurals
    // aside: "victims supported" is not "Victim Support".
    const words = nameWords(label);
    const [best, second] = [...this.wordsByCategory()]
      .map(([id, { spellings, known }]) => {
        const likeness = Math.max(...spellings.map((spelling) => dice(words, spelling)));
        const contained = spellings.some((spelling) => spelling.size > 0 && [...spelling].every((w) => words.has(w)));
        const explained = words.size ? [...words].filter((w) => known.has(w)).length / words.size : 0;
        // Without a whole spelling in it, a label must be nearly one: "Sexual orientation" is not "Other sexual orientation".
        return { id, score: contained ? (explained + likeness) / 2 : likeness >= CLOSE ? likeness : 0 };
      })
      .sort((a, b) => b.score - a.score);
    return best && best.score >= FUZZY.score && best.score - (second?.score ?? 0) >= FUZZY.margin ? best : null;
  }

  /** Each category's spellings as sets of words, and all its words: worked out once per list. */
  private wordsByCategory(): Map<string, { spellings: Set<string>[]; known: Set<string> }> {
    if (this.grouped) return this.grouped;
    const grouped = new Map<string, { spellings: Set<string>[]; known: Set<string> }>();
    for (const { id, text } of this.spellings) {
      const entry = grouped.get(id) ?? { spellings: [], known: new Set<string>() };
      const words = nameWords(text);
      entry.spellings.push(words);
      for (const w of words) entry.known.add(w);
      grouped.set(id, entry);
    }
    this.grouped = grouped;
    return grouped;
  }

  private grouped: Map<string, { spellings: Set<string>[]; known: Set<string> }> | null = null;
}
