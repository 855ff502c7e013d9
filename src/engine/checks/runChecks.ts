import { figuresOf } from '../../frameworks/expand';
import { instancesOf, matchFigures, selectorsOf } from '../../frameworks/selectors';
import { CheckContext } from './checkContext';
import { catalogueFinding, type Finding } from './findings';
import { applyOverrides, type RuleOverrides } from './overrides';
import type { ReturnData } from './returnData';
import { checkRule } from './ruleChecks';

const SEVERITY_ORDER = { error: 0, query: 1, info: 2 } as const;

/** Checks a return against its framework's rules; findings come errors first, then queries, then info. */
export function runChecks(data: ReturnData, options: { previous?: ReturnData | null; overrides?: RuleOverrides | null } = {}): Finding[] {
  const context = new CheckContext(data, options.previous ?? null);
  const findings: Finding[] = [];
  const notApplicable = new Map<string, string>();
  const allIds = figuresOf(data.framework).map((f) => f.id);
  for (const rule of applyOverrides(data.framework.rules, options.overrides ?? null))
    for (const instance of instancesOf(rule, data.framework)) {
      // A rule relating figures the return does not hold cannot be checked on it; one about each figure's value applies to those it holds.
      if (data.held && !PER_FIGURE.has(rule.kind) && selectorsOf(instance).some((s) => matchFigures(s, allIds).some((id) => !data.held!.has(id)))) {
        notApplicable.set(rule.id, rule.title);
        continue;
      }
      for (const draft of checkRule(instance, context))
        findings.push({
          code: rule.kind,
          rule: rule.id,
          title: instance.title,
          ref: rule.ref === undefined ? null : String(rule.ref),
          severity: rule.severity,
          figures: draft.figures,
          cells: draft.figures.map((id) => data.cells[id]).filter((cell): cell is string => cell !== undefined),
          params: draft.params,
          message: draft.message,
          hint: instance.hint,
        });
    }
  if (notApplicable.size)
    findings.push(
      catalogueFinding('not_applicable', {
        severity: 'info',
        figures: [],
        cells: [],
        params: {},
        message: `${notApplicable.size} rule${notApplicable.size === 1 ? ' relates' : 's relate'} figures this template does not hold, so ${notApplicable.size === 1 ? 'it was' : 'they were'} not checked: ${[...notApplicable.values()].join('; ')}.`,
        hint: 'Nothing to do: the template does not ask for these figures.',
      }),
    );
  return sortFindings(findings);
}

/** Rule kinds that look at each figure on its own. */
const PER_FIGURE = new Set<string>(['missing', 'not_a_number', 'negative', 'not_whole', 'small_count']);

/** Errors first, then queries, then information; in rule order within each. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function summarise(findings: readonly Finding[]): { error: number; query: number; info: number } {
  const summary = { error: 0, query: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}
