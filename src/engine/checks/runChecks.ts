import { instancesOf } from '../../frameworks/selectors';
import { CheckContext } from './checkContext';
import type { Finding } from './findings';
import { applyOverrides, type RuleOverrides } from './overrides';
import type { ReturnData } from './returnData';
import { checkRule } from './ruleChecks';

const SEVERITY_ORDER = { error: 0, query: 1, info: 2 } as const;

/** Checks a return against its framework's rules; findings come errors first, then queries, then info. */
export function runChecks(data: ReturnData, options: { previous?: ReturnData | null; overrides?: RuleOverrides | null } = {}): Finding[] {
  const context = new CheckContext(data, options.previous ?? null);
  const findings: Finding[] = [];
  for (const rule of applyOverrides(data.framework.rules, options.overrides ?? null))
    for (const instance of instancesOf(rule, data.framework))
      for (const draft of checkRule(instance, context))
        findings.push({
          rule: rule.id,
          kind: rule.kind,
          severity: rule.severity,
          figures: draft.figures,
          cells: draft.figures.map((id) => data.cells[id]).filter((cell): cell is string => cell !== undefined),
          message: draft.message,
          hint: instance.hint,
        });
  return sortFindings(findings);
}

/** Errors first, then queries, then information; in rule order within each. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function summarise(findings: readonly Finding[]): { error: number; query: number; info: number } {
  const summary = { error: 0, query: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}
