import { textEntries, whichEntry } from './listEntries';
import type { RuleCheck } from './types';

/** A narrative over its word limit (case studies: 200 words). */
export const checkTextLength: RuleCheck<'text_length'> = (rule, context) =>
  textEntries(context.data, rule.list).flatMap((entry) => {
    const words = (entry.text ?? '').split(/\s+/).filter(Boolean).length;
    if (words <= rule.maxWords) return [];
    return [{ figures: [], params: { actual: words, limit: rule.maxWords, ...(entry.caseId ? { text: entry.caseId } : {}) }, message: `The ${rule.itemLabel}${whichEntry(entry)} has ${words} words, over the ${rule.maxWords}-word limit.` }];
  });
