import type { RuleCheck } from './types';
import { plural } from './types';

/** A list the return holds with fewer filled entries than asked (no case study); a list the return lacks is not judged. */
export const checkAtLeastOne: RuleCheck<'at_least_one'> = (rule, context) => {
  const entries = context.data.lists[rule.list];
  if (!Array.isArray(entries)) return [];
  const filled = entries.filter((entry: { text?: unknown; name?: unknown }) => [entry?.text, entry?.name].some((v) => typeof v === 'string' && v.trim() !== '')).length;
  if (filled >= rule.min) return [];
  const given = filled === 0 ? `No ${rule.itemLabel} is given` : `Only ${filled} ${plural(filled, `${rule.itemLabel} is`, `entries (${rule.itemLabel}) are`)} given`;
  return [{ figures: [], params: { actual: filled, limit: rule.min }, message: `${given}; the return asks for at least ${rule.min}.` }];
};
