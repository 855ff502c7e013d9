import { builtInFramework } from '../../../src/frameworks/load';
import type { Where, Window } from '../../../src/frameworks/schema';
import type { CaseRecord } from '../../../src/engine/cases/caseRecord';
import { dayFromIso } from '../../../src/engine/cases/dates';
import { caseTest } from '../../../src/engine/spec/caseTest';
import { and, conditionTerms, windowTerms, type Term } from '../../../src/engine/spec/terms';
import { periodFromIso } from '../../../src/engine/tally/period';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const WINDOWS: Window[] = ['referred_in_period', 'open_at_start', 'active', 'exited_in_period', 'open_at_end'];
const d = (iso: string | null) => (iso === null ? null : dayFromIso(iso)!);
const record = (values: CaseRecord['values']): CaseRecord => ({ row: 2, id: 'X', duplicateOf: null, values });
const holds = (terms: Term[], values: CaseRecord['values']) => caseTest(terms, period)(record(values));
/** How many of the terms hold: disjoint terms never hold together, so a formula adding them up counts a case once. */
const termsHolding = (terms: Term[], values: CaseRecord['values']) => terms.filter((t) => holds([t], values)).length;

describe('windowTerms read case by case', () => {
  const inWindows = (referral: string | null, exit: string | null) =>
    WINDOWS.filter((w) => holds(windowTerms([w], framework), { referral_date: d(referral), exit_date: d(exit) }));

  it.each<[string, string | null, string | null, string[]]>([
    ['referred on the first day', '2020-04-01', null, ['referred_in_period', 'active', 'open_at_end']],
    ['referred on the last day', '2020-09-30', null, ['referred_in_period', 'active', 'open_at_end']],
    ['referred the day after', '2020-10-01', null, []],
    ['referred the day before, still open', '2020-03-31', null, ['open_at_start', 'active', 'open_at_end']],
    ['exited on the first day', '2020-03-01', '2020-04-01', ['open_at_start', 'active', 'exited_in_period']],
    ['exited the day before', '2020-03-01', '2020-03-31', []],
    ['exited on the last day', '2020-05-01', '2020-09-30', ['referred_in_period', 'active', 'exited_in_period']],
    ['exited the day after', '2020-05-01', '2020-10-01', ['referred_in_period', 'active', 'open_at_end']],
    ['referred and exited before the period', '2019-01-01', '2019-02-01', []],
    ['open across the whole period', '2019-01-01', '2021-01-01', ['open_at_start', 'active', 'open_at_end']],
    ['exit before referral, both in the period (counted by its dates)', '2020-05-10', '2020-05-01', ['referred_in_period', 'active', 'exited_in_period']],
    ['no referral date', null, '2020-05-01', []],
    ['referred after the period with an exit inside it', '2020-10-05', '2020-09-01', []],
  ])('%s', (_, referral, exit, expected) => {
    expect(inWindows(referral, exit)).toEqual(expected);
  });

  it('drops the alternatives that cannot hold together (an exit date both blank and after a day)', () => {
    expect(windowTerms(['open_at_start', 'exited_in_period'], framework)).toHaveLength(1);
    expect(windowTerms(['active', 'open_at_end'], framework)).toHaveLength(2);
  });
});

describe('conditionTerms', () => {
  const disengaged: Where[] = [{ disengaged: 'yes' }, { contacted: 'yes', accepted: 'no' }];
  const terms = conditionTerms({ eligible: 'yes' }, disengaged, framework);

  it.each<[string, CaseRecord['values'], boolean]>([
    ['disengaged', { eligible: 'yes', disengaged: 'yes', contacted: 'yes', accepted: 'yes' }, true],
    ['declined the first offer', { eligible: 'yes', disengaged: 'unknown', contacted: 'yes', accepted: 'no' }, true],
    ['disengaged and declined: counted once', { eligible: 'yes', disengaged: 'yes', contacted: 'yes', accepted: 'no' }, true],
    ['not contacted', { eligible: 'yes', disengaged: 'no', contacted: 'no', accepted: 'no' }, false],
    ['ineligible', { eligible: 'no', disengaged: 'yes', contacted: 'yes', accepted: 'no' }, false],
  ])('an alternative holds, and one term at most: %s', (_, values, expected) => {
    expect(holds(terms, values)).toBe(expected);
    expect(termsHolding(terms, values)).toBe(expected ? 1 : 0);
  });

  it('reads "not" as none of the values: unknown is not no', () => {
    const open = conditionTerms({ eligible: { not: 'no' }, accepted: { not: 'no' } }, undefined, framework);
    expect(holds(open, { eligible: 'unknown', accepted: 'unknown' })).toBe(true);
    expect(holds(open, { eligible: 'yes', accepted: 'no' })).toBe(false);
  });

  it('reads "not" on a numbered column as in none of its slots, and blank as no value in any', () => {
    const withoutCore = conditionTerms({ outcome: { not: 'cope_recover' } }, undefined, framework);
    expect(holds(withoutCore, { outcome: ['informed', 'safety'] })).toBe(true);
    expect(holds(withoutCore, { outcome: ['informed', 'cope_recover'] })).toBe(false);
    const none = conditionTerms({ outcome: { blank: true } }, undefined, framework);
    expect([holds(none, { outcome: [] }), holds(none, { outcome: ['safety'] })]).toEqual([true, false]);
  });

  it('merges conditions on one column and drops the contradictions', () => {
    expect(and([[{ test: 'in', column: 'source', values: ['police', 'self'] }]], [[{ test: 'not_in', column: 'source', values: ['police'] }]])).toEqual([
      [{ test: 'in', column: 'source', values: ['self'] }],
    ]);
    expect(and([[{ test: 'in', column: 'eligible', values: ['yes'] }]], [[{ test: 'in', column: 'eligible', values: ['no'] }]])).toEqual([]);
  });
});
