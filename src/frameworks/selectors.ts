import { categoryListOf } from './expand';
import type { Rule } from './rules';
import type { Framework } from './schema';

/**
 * A rule as written may stand for many checks: `each` repeats it for several values of `{name}`, and a
 * `<column>` placeholder repeats it for each category of that column. These are the concrete checks.
 */
export function instancesOf(rule: Rule, framework: Framework): Rule[] {
  let texts = [JSON.stringify({ ...rule, each: undefined })];
  for (const [name, values] of Object.entries(rule.each ?? {}))
    texts = texts.flatMap((text) => values.map((value) => text.split(`{${name}}`).join(value)));
  return texts.flatMap((text) => {
    const columns = [...new Set([...text.matchAll(/<([a-z0-9_]+)>/g)].map((m) => m[1]!))];
    let expanded = [text];
    for (const column of columns) {
      const ids = categoryListOf(framework, column).items.map((i) => i.id);
      expanded = expanded.flatMap((t) => ids.map((id) => t.split(`<${column}>`).join(id)));
    }
    return expanded.map((t) => JSON.parse(t) as Rule);
  });
}

const patterns = new Map<string, RegExp>();

/** Figure ids a selector names, in the order given; `*` is one part of an id (or the rest of one: `m*`), `**` one or more. */
export function matchFigures(selector: string | string[], ids: readonly string[]): string[] {
  const list = Array.isArray(selector) ? selector : [selector];
  return list.flatMap((s) => {
    if (!s.includes('*')) return ids.includes(s) ? [s] : [];
    let pattern = patterns.get(s);
    if (!pattern) {
      // `m*` within a part stands for the rest of it (the months of a figure asked month by month: referrals.total.m*).
      const body = s.split('.').map((part) => (part === '**' ? '[^.]+(?:\\.[^.]+)*' : part.replace(/[^a-z0-9_*]/g, '\\$&').replace(/\*/g, '[^.]+'))).join('\\.');
      pattern = new RegExp(`^${body}$`);
      patterns.set(s, pattern);
    }
    return ids.filter((id) => pattern!.test(id));
  });
}

/** Every selector a rule uses, to check that each names at least one figure. */
export function selectorsOf(rule: Rule): string[] {
  const flat = (s: string | string[] | undefined) => (s === undefined ? [] : Array.isArray(s) ? s : [s]);
  switch (rule.kind) {
    case 'missing':
    case 'not_a_number':
    case 'negative':
    case 'not_whole':
    case 'small_count':
      return flat(rule.figures);
    case 'sum':
      return [rule.total, ...flat(rule.parts)];
    case 'identity':
      return [rule.figure, ...rule.equals.map((t) => t.slice(1))];
    case 'subset':
      return [...flat(rule.part), ...flat(rule.whole)];
    case 'cap':
      return [rule.figure, rule.of];
    case 'funnel':
      return rule.chain;
    case 'ratio':
      return [rule.percentage, rule.numerator, rule.denominator];
    case 'completeness':
      return [...flat(rule.breakdown), rule.unknown];
    case 'plausibility':
      return flat(rule.breakdown);
    case 'repeated_months':
      return flat(rule.months);
    case 'threshold':
      return [rule.figure, ...flat(rule.base)];
    case 'small_base':
      return [rule.figure, rule.base];
    case 'continuity':
      return [rule.figure, rule.previous];
    case 'text_length':
    case 'identifying_text':
    case 'at_least_one':
    case 'complete_rows':
    case 'period':
      return [];
  }
}
