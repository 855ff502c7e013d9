import type { FlagValue, Framework } from '../../frameworks/schema';
import type { RawCell } from './rawTable';
import { matchKey } from './textKey';

export type FlagReading = { value: FlagValue; recognised: boolean };

/** Reads yes/no cells with the framework's spellings. Blank and "unknown" words are unknown, never no. */
export class FlagReader {
  private readonly words = new Map<string, FlagValue>();

  constructor(private readonly spellings: Framework['flags']) {
    for (const value of ['yes', 'no', 'unknown'] as const)
      for (const word of spellings[value]) {
        this.words.set(word.trim().toLowerCase(), value);
        const key = matchKey(word);
        if (key) this.words.set(key, value);
      }
  }

  /** Accepted spellings, for messages. */
  describe(): string {
    return `yes (${this.spellings.yes.join(', ')}) or no (${this.spellings.no.join(', ')}); leave it blank when not known`;
  }

  read(cell: RawCell): FlagReading {
    if (cell === null) return { value: 'unknown', recognised: true };
    if (typeof cell === 'boolean') return { value: cell ? 'yes' : 'no', recognised: true };
    if (cell instanceof Date) return { value: 'unknown', recognised: false };
    const text = String(cell).trim();
    if (text === '') return { value: 'unknown', recognised: true };
    // "No - declined", "Yes (by phone)": the answer comes first.
    const answer = text.split(/\s*(?:\s[-–—]\s|[(:,])\s*/)[0] ?? '';
    const value = this.words.get(text.toLowerCase()) ?? this.words.get(matchKey(text)) ?? this.words.get(matchKey(answer));
    return value ? { value, recognised: true } : { value: 'unknown', recognised: false };
  }
}
