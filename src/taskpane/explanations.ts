import { explanationKey } from '../commands/annotateReturn';
import type { Finding } from '../engine/checks/findings';

/**
 * The explanations after a check: for each finding that still stands, what the person typed in the page, or
 * else what the workbook's Findings sheet holds. A finding keeps its explanation across re-checks because the
 * key is the finding itself (rule and figures), not its place in the list.
 */
export function explanationsAfterCheck(findings: readonly Finding[], typed: ReadonlyMap<string, string>, inWorkbook: ReadonlyMap<string, string>): Map<string, string> {
  const kept = new Map<string, string>();
  for (const finding of findings) {
    const key = explanationKey(finding);
    const text = typed.has(key) ? typed.get(key)! : inWorkbook.get(key);
    if (text) kept.set(key, text);
  }
  return kept;
}
