import { parseRuleOverrides } from '../../../src/engine/checks/overrides';
import { runChecks, summarise } from '../../../src/engine/checks/runChecks';
import { InputError } from '../../../src/errors';
import { cambridgeshire, returnWith } from '../../support/returns';

const clean = { 'waiting.average_days': null };
const broken = returnWith({ ...clean, 'referrals.total': 5, 'referrals.by_source.police': 5, 'referrals.by_crime.theft': 5, 'referrals.self': 7 }, { period: null });

describe('runChecks', () => {
  it('finds nothing in an all-zero return', () => {
    expect(runChecks(returnWith(clean))).toEqual([]);
  });

  it('gives each finding its rule, severity, figures, hint and cells, errors first', () => {
    const data = { ...broken, cells: { 'referrals.self': 'Outputs!C12', 'referrals.total': 'Outputs!C5' } };
    const findings = runChecks(data);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['self_referrals_sum', 'error'],
      ['self_referrals_within_total', 'error'],
    ]);
    expect(findings[1]).toEqual({
      code: 'subset',
      rule: 'self_referrals_within_total',
      title: 'Self-referrals are part of the new referrals',
      ref: '4',
      severity: 'error',
      figures: ['referrals.self', 'referrals.total'],
      cells: ['Outputs!C12', 'Outputs!C5'],
      params: { actual: 7, expected: 5, difference: 2, values: { 'referrals.self': 7, 'referrals.total': 5 } },
      message: 'Self-referrals (7) is more than Total new referrals (5), which it is part of.',
      hint: 'Self-referrals are counted within the new referrals: check both figures.',
    });
    expect(summarise(findings)).toEqual({ error: 2, query: 0, info: 0 });
  });

  it('orders errors, then queries, then information', () => {
    const findings = runChecks(returnWith({ ...clean, 'waiting.average_number': 1, 'demographics.gender.male': 1, 'support.total': 1, 'support.ongoing': 0 }));
    const order = findings.map((f) => f.severity);
    expect(order).toEqual([...order].sort((a, b) => ['error', 'query', 'info'].indexOf(a) - ['error', 'query', 'info'].indexOf(b)));
    expect(new Set(order)).toEqual(new Set(['error', 'query', 'info']));
  });

  it('lets a commissioner switch a rule off or change its severity', () => {
    const overrides = parseRuleOverrides(
      { rules: { self_referrals_sum: { enabled: false }, self_referrals_within_total: { severity: 'query' } } },
      'q3-rules.json',
      cambridgeshire.rules,
    );
    expect(runChecks(broken, { overrides }).map((f) => [f.rule, f.severity])).toEqual([['self_referrals_within_total', 'query']]);
  });

  it('refuses overrides naming rules the framework does not have, or settings it does not know', () => {
    expect(() => parseRuleOverrides({ rules: { self_referral: { enabled: false } } }, 'q3-rules.json', cambridgeshire.rules)).toThrow(
      /q3-rules\.json names "self_referral", which is not a rule of this framework\. Its rules are: referrals_by_source_sum,/,
    );
    expect(() => parseRuleOverrides({ rules: { self_referrals_sum: { severity: 'fatal' } } }, 'q3-rules.json', cambridgeshire.rules)).toThrow(InputError);
    expect(() => parseRuleOverrides({ rules: { self_referrals_sum: { threshold: 3 } } }, 'q3-rules.json', cambridgeshire.rules)).toThrow(/not valid/);
  });
});
