import type { RuleCheck } from './types';
import { plural } from './types';

/** A list or table the return holds with fewer filled entries than asked (no case study); one the return lacks is not judged. */
export const checkAtLeastOne: RuleCheck<'at_least_one'> = (rule, context) => {
  const rows = context.data.tables?.[rule.list];
  const entries = context.data.lists[rule.list];
  if (!rows && !Array.isArray(entries)) return [];
  // A table's rows are those begun; a list's entries those with a name or text.
  const filled = rows ? rows.length : (entries as { text?: unknown; name?: unknown }[]).filter((entry) => [entry?.text, entry?.name].some((v) => typeof v === 'string' && v.trim() !== '')).length;
  if (filled >= rule.min) return [];
  const given = filled === 0 ? `No ${rule.itemLabel} is given` : `Only ${filled} ${plural(filled, `${rule.itemLabel} is`, `entries (${rule.itemLabel}) are`)} given`;
  return [{ figures: [], params: { actual: filled, limit: rule.min }, message: `${given}; the return asks for at least ${rule.min}.` }];
};
