import { figuresOf } from '../../frameworks/expand';
import { figuresOutsideProfile, profileOf } from '../../frameworks/profiles';
import { instancesOf, matchFigures, selectorsOf } from '../../frameworks/selectors';
import type { Rule } from '../../frameworks/rules';
import { CheckContext } from './checkContext';
import { catalogueFinding, type Finding } from './findings';
import { applyOverrides, type RuleOverrides } from './overrides';
import type { ReturnData } from './returnData';
import { checkRule } from './ruleChecks';

const SEVERITY_ORDER = { error: 0, query: 1, info: 2 } as const;

/** Checks a return against its framework's rules; findings come errors first, then queries, then info. */
export function runChecks(given: ReturnData, options: { previous?: ReturnData | null; overrides?: RuleOverrides | null } = {}): Finding[] {
  const allIds = figuresOf(given.framework).map((f) => f.id);
  const outside = figuresOutsideProfile(given.framework, given.profile);
  // Figures outside the service's profile are not asked of it: neither missing nor checked.
  const data: ReturnData = outside.size ? { ...given, held: new Set((given.held ? [...given.held] : allIds).filter((id) => !outside.has(id))) } : given;
  const context = new CheckContext(data, options.previous ?? null);
  const findings: Finding[] = [];
  const notHeld = new Map<string, string>();
  const notInProfile = new Map<string, string>();
  for (const rule of applyOverrides(data.framework.rules, options.overrides ?? null))
    for (const instance of instancesOf(rule, data.framework)) {
      // A rule relating figures the return does not hold cannot be checked on it; one about each figure's value applies to those it holds.
      const needed = data.held && !PER_FIGURE.has(rule.kind) ? neededSelectors(instance).flatMap((s) => matchFigures(s, allIds)) : [];
      const absent = needed.filter((id) => !data.held!.has(id));
      if (absent.length) {
        // A rule only about figures the profile does not ask for is no part of this return: nothing to say.
        if (!needed.every((id) => outside.has(id))) (absent.every((id) => outside.has(id)) ? notInProfile : notHeld).set(rule.id, rule.title);
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
          cells: draft.cells ?? draft.figures.map((id) => data.cells[id]).filter((cell): cell is string => cell !== undefined),
          params: draft.params,
          message: draft.message,
          hint: instance.hint,
        });
    }
  if (notHeld.size) findings.push(notApplicableFinding(notHeld, 'figures this template does not hold', 'Nothing to do: the template does not ask for these figures.'));
  if (notInProfile.size) {
    const profile = profileOf(data.framework, data.profile)!;
    findings.push(notApplicableFinding(notInProfile, `figures not asked under the return's service profile (${profile.label})`, 'Nothing to do, if the service profile is right: those figures are asked of other kinds of service.'));
  }
  return sortFindings(findings);
}

function notApplicableFinding(rules: Map<string, string>, why: string, hint: string): Finding {
  return catalogueFinding('not_applicable', {
    severity: 'info',
    figures: [],
    cells: [],
    params: {},
    message: `${rules.size} rule${rules.size === 1 ? ' relates' : 's relate'} ${why}, so ${rules.size === 1 ? 'it was' : 'they were'} not checked: ${[...rules.values()].join('; ')}.`,
    hint,
  });
}

/** The figures a rule cannot be checked without: a subset checks each part on its own against its wholes, so only the wholes. */
function neededSelectors(rule: Rule): string[] {
  return rule.kind === 'subset' ? [rule.whole].flat() : selectorsOf(rule);
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
