import { z } from 'zod';
import { describeIssues } from '../../frameworks/plainIssues';
import { severitySchema, type Rule } from '../../frameworks/rules';
import { InputError } from '../../errors';

/**
 * A commissioner's changes to a framework's rules for a period, without code: switch a rule off or change its
 * severity. `{"rules": {"case_study_length": {"severity": "query"}, "standard_period": {"enabled": false}}}`
 */
export const ruleOverridesSchema = z.object({
  rules: z.record(z.string(), z.object({ enabled: z.boolean().optional(), severity: severitySchema.optional() }).strict()),
}).strict();
export type RuleOverrides = z.infer<typeof ruleOverridesSchema>;

export function parseRuleOverrides(data: unknown, source: string, rules: readonly Rule[]): RuleOverrides {
  const parsed = ruleOverridesSchema.safeParse(data);
  if (!parsed.success) throw new InputError(`The rule overrides in ${source} are not valid:\n${describeIssues(parsed.error.issues, data)}`);
  const known = new Set(rules.map((r) => r.id));
  const unknown = Object.keys(parsed.data.rules).filter((id) => !known.has(id));
  if (unknown.length)
    throw new InputError(`${source} names ${unknown.map((id) => `"${id}"`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not a rule of this framework. Its rules are: ${[...known].join(', ')}.`);
  return parsed.data;
}

export function applyOverrides(rules: readonly Rule[], overrides: RuleOverrides | null): Rule[] {
  if (!overrides) return [...rules];
  return rules.flatMap((rule) => {
    const change = overrides.rules[rule.id];
    if (!change) return [rule];
    if (change.enabled === false) return [];
    return [{ ...rule, severity: change.severity ?? rule.severity }];
  });
}
