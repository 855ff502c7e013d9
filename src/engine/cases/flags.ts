import type { FlagValue, Framework } from '../../frameworks/schema';
import type { RawCell } from './rawTable';
import { matchKey } from './textKey';

export type FlagReading = { value: FlagValue; recognised: boolean };

/** A flag column's own answers (a column's `answers`): what "Declined" or "Unsuccessful" means there. */
export type FlagAnswers = { yes: readonly string[]; no: readonly string[] };

/**
 * Reads yes/no cells with the framework's spellings and, for one column, its own answers. Blank and "unknown"
 * words are unknown, never no.
 */
export class FlagReader {
  private readonly words = new Map<string, FlagValue>();
  private readonly answers: FlagAnswers;

  constructor(
    private readonly spellings: Framework['flags'],
    answers: FlagAnswers = { yes: [], no: [] },
  ) {
    this.answers = answers;
    const add = (word: string, value: FlagValue) => {
      this.words.set(word.trim().toLowerCase(), value);
      const key = matchKey(word);
      if (key) this.words.set(key, value);
    };
    for (const value of ['yes', 'no', 'unknown'] as const) for (const word of spellings[value]) add(word, value);
    for (const value of ['yes', 'no'] as const) for (const word of answers[value]) add(word, value);
  }

  /** Accepted spellings, for messages: the column's own answers first. */
  describe(): string {
    const words = (value: 'yes' | 'no') => [...this.answers[value], ...this.spellings[value]].join(', ');
    return `yes (${words('yes')}) or no (${words('no')}); leave it blank when not known`;
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
