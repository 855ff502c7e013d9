import type { RuleKind, RuleOf } from '../../../frameworks/rules';
import type { CheckContext } from '../checkContext';
import type { FindingDraft } from '../findings';

/** A rule kind's check: one concrete rule in, the problems it finds out. */
export type RuleCheck<K extends RuleKind> = (rule: RuleOf<K>, context: CheckContext) => FindingDraft[];

/** "3 more" / "2 fewer": how far a figure is from what it should be. */
export function difference(actual: number, expected: number, context: CheckContext): string {
  const d = actual - expected;
  return `${context.format(Math.abs(d))} ${d > 0 ? 'more' : 'fewer'}`;
}

/** "A; B; C and 4 more" for messages about many figures (labels may hold commas of their own). */
export function listLabels(ids: string[], context: CheckContext, most = 3): string {
  const shown = ids.slice(0, most).map((id) => context.label(id));
  if (ids.length <= most) return shown.length > 1 ? `${shown.slice(0, -1).join('; ')} and ${shown[shown.length - 1]}` : shown.join('');
  return `${shown.join('; ')} and ${ids.length - most} more`;
}

/** The values read, by figure id, for a finding's parameters. */
export function valuesOf(ids: readonly string[], values: readonly number[]): Record<string, number> {
  return Object.fromEntries(ids.map((id, i) => [id, values[i]!]));
}

export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
