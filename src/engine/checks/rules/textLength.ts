import type { RuleCheck } from './types';

/** A narrative over its word limit (case studies: 200 words). */
export const checkTextLength: RuleCheck<'text_length'> = (rule, context) => {
  const list = context.data.lists[rule.list];
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: { caseId?: string; row?: number; text?: string }) => {
    const words = (entry.text ?? '').split(/\s+/).filter(Boolean).length;
    if (words <= rule.maxWords) return [];
    const which = entry.caseId ? ` for case ${entry.caseId}${entry.row ? ` (row ${entry.row})` : ''}` : '';
    return [{ figures: [], params: { actual: words, limit: rule.maxWords, ...(entry.caseId ? { text: entry.caseId } : {}) }, message: `The ${rule.itemLabel}${which} has ${words} words, over the ${rule.maxWords}-word limit.` }];
  });
};
