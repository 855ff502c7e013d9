import { categoryListOf } from '../../frameworks/expand';
import type { Framework } from '../../frameworks/schema';
import { coverage, labelKey, labelSimilarity, type WordWeight } from './labelText';

/** A category a template's label names, and how sure that is (1: one of its spellings; less: most of its words). */
export interface NamedCategory {
  id: string;
  score: number;
}

/** Fuzzy names must be mostly explained by one category's spellings, and clearly less by any other's. */
const FUZZY = { score: 0.7, margin: 0.15 };

/** A spelling's key, blind to plurals: "Self-referrals" and "Self-referral" agree. */
function categoryKey(text: string): string {
  return labelKey(text)
    .split(' ')
    .map((w) => (w.length > 3 ? w.replace(/s$/, '') : w))
    .join(' ');
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
  private readonly spellings: { id: string; text: string }[] = [];
  /** The list's own names, which a label may lead with: "Crime type not recorded". */
  private readonly listNames: string[];

  constructor(
    framework: Framework,
    columnKey: string,
    private readonly weigh: WordWeight,
    /** Writes out the framework's abbreviations, on both sides of every comparison. */
    expand: (text: string) => string = (text) => text,
  ) {
    const list = categoryListOf(framework, columnKey);
    const column = framework.columns.find((c) => c.key === columnKey);
    this.listNames = [list.label, ...list.aliases, column?.header ?? '', ...(column?.synonyms ?? [])].map((n) => categoryKey(expand(n))).filter((k) => k !== '');
    for (const item of list.items) {
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
    const bare = withoutBrackets(label);
    // "Other (incl. modern slavery)" pools two categories: it names neither.
    for (const [, inside] of label.matchAll(/[([]([^()[\]]*)[)\]]/g)) {
      const pooled = this.keys.get(categoryKey(inside!.replace(/^\s*(?:incl\.?|including|inc\.?|e\.?g\.?|plus|and)\s+/i, '')));
      const outside = this.keys.get(categoryKey(bare));
      if (pooled && outside && pooled !== outside) return null;
    }
    const named = this.listNames.find((name) => categoryKey(bare).startsWith(`${name} `));
    for (const text of [label, bare, ...(named ? [categoryKey(bare).slice(named.length + 1)] : [])]) {
      const exact = this.keys.get(categoryKey(text));
      if (exact) return { id: exact, score: 1 };
      // "Prefer not to say / not known": every part that names a category names the same one.
      const parts = text.split(/\s*\/\s*|\s+or\s+/).map((p) => this.keys.get(categoryKey(p)) ?? '');
      const ids = new Set(parts);
      if (parts.length > 1 && ids.size === 1 && parts[0] !== '') return { id: parts[0]!, score: 1 };
    }
    // Otherwise: how much of the label the category's spellings explain, with the closest single spelling.
    const [best, second] = [...this.byCategory()]
      .map(([id, texts]) => ({ id, score: (coverage(label, [texts.join(' ')], this.weigh) + Math.min(1, labelSimilarity(label, texts, this.weigh))) / 2 }))
      .sort((a, b) => b.score - a.score);
    return best && best.score >= FUZZY.score && best.score - (second?.score ?? 0) >= FUZZY.margin ? best : null;
  }

  private byCategory(): Map<string, string[]> {
    const grouped = new Map<string, string[]>();
    for (const { id, text } of this.spellings) grouped.set(id, [...(grouped.get(id) ?? []), text]);
    return grouped;
  }
}
