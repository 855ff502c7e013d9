import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCases } from '../../../src/engine/cases/importCases';
import type { FigureCell, ReturnData } from '../../../src/engine/checks/returnData';
import { runChecks } from '../../../src/engine/checks/runChecks';
import { readDelimited } from '../../../src/tables/readDelimited';
import { periodFromIso } from '../../../src/engine/tally/period';
import { tallyCases } from '../../../src/engine/tally/tally';
import { CASE_HEADERS, periodArb, validRows } from '../../support/randomCases';
import { cambridgeshire } from '../../support/returns';
import { tableOf } from '../../support/tables';

const period = periodFromIso('2020-04-01', '2020-09-30');

function tallied(table: Parameters<typeof importCases>[0], p = period): ReturnData {
  const { figures, lists } = tallyCases(importCases(table, cambridgeshire).cases, cambridgeshire, p);
  return { source: 'return.json', framework: cambridgeshire, period: p, values: figures, cells: {}, lists };
}

describe('a return computed by the tally', () => {
  it('breaks no error rule, whatever valid case data it came from', () => {
    fc.assert(
      fc.property(validRows, periodArb, (rows, p) => {
        const errors = runChecks(tallied(tableOf(CASE_HEADERS, rows), p)).filter((f) => f.severity === 'error');
        if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
      }),
      { numRuns: 100 },
    );
  });
});

describe('each Cambridgeshire rule catches its planted mistake', () => {
  const sample = readFileSync(join(__dirname, '..', '..', '..', 'samples', 'cambridgeshire-cases.csv'), 'utf8');
  const baseline = tallied(readDelimited(sample, 'cambridgeshire-cases.csv'));
  const before = new Set(runChecks(baseline).map((f) => `${f.rule}|${f.message}`));
  const v = (id: string) => baseline.values[id] as number;

  const numberText = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
  type Plant = [rule: string, severity: string, figure: string, change: Record<string, FigureCell>, extra?: Partial<ReturnData>];
  const plants: Plant[] = [
    ['referrals_by_source_sum', 'error', 'referrals.total', { 'referrals.by_source.police': v('referrals.by_source.police') + 3 }],
    ['referrals_by_crime_sum', 'error', 'referrals.total', { 'referrals.by_crime.theft': v('referrals.by_crime.theft') - 1 }],
    ['caseload_by_crime_sum', 'error', 'caseload_start.total', { 'caseload_start.by_crime.fraud': v('caseload_start.by_crime.fraud') + 1 }],
    ['support_by_crime_sum', 'error', 'support.total', { 'support.by_crime.robbery': v('support.by_crime.robbery') + 1 }],
    ['support_type_sum', 'error', 'support.total', { 'support.ongoing': v('support.ongoing') + 1 }],
    ['self_referrals_sum', 'error', 'referrals.self', { 'referrals.self': v('referrals.self') + 2 }],
    ['self_referrals_within_total', 'error', 'referrals.self', { 'referrals.self': v('referrals.total') + 1 }],
    ['demographics_sum', 'error', 'support.total', { 'demographics.age.18_24': v('demographics.age.18_24') + 1 }],
    ['cross_table_by_crime', 'error', 'support.by_crime.theft', { 'demographics.gender.female.theft': v('demographics.gender.female.theft') + 1 }],
    ['cross_table_by_category', 'error', 'demographics.gender.female', { 'demographics.gender.female.theft': v('demographics.gender.female.theft') + 1 }],
    ['outcomes_at_most_four_per_exit', 'error', 'outcomes.total', { 'outcomes.total': 4 * v('outcomes.exits') + 1 }],
    ['outcome_within_exits', 'error', 'outcomes.safety', { 'outcomes.safety': v('outcomes.exits') + 1 }],
    ['exits_without_outcome', 'query', 'outcomes.exits_without_outcome', { 'outcomes.exits_without_outcome': 2 }],
    ['ongoing_exits_without_core', 'query', 'outcomes.ongoing_exits_without_core', { 'outcomes.ongoing_exits_without_core': 3 }],
    ['single_exits_without_informed', 'query', 'outcomes.single_exits_without_informed', { 'outcomes.single_exits_without_informed': 1 }],
    ['outcome_checks_within_exits', 'error', 'outcomes.exits_without_outcome', { 'outcomes.exits_without_outcome': v('outcomes.exits') + 1 }],
    ['needs_within_support', 'error', 'needs.mental_health', { 'needs.mental_health': v('support.total') + 1 }],
    ['caseload_needs_within_caseload', 'error', 'caseload_start.additional_needs', { 'caseload_start.additional_needs': v('caseload_start.total') + 1 }],
    ['support_within_caseload', 'error', 'support.total', { 'support.total': v('caseload_start.total') + v('referrals.total') + 1 }],
    ['ineligible_within_referrals', 'error', 'support.ineligible', { 'support.ineligible': v('referrals.total') + 1 }],
    ['proactive_within_referrals', 'error', 'rj.proactive_referrals', { 'rj.proactive_referrals': v('referrals.total') + 1 }, { profile: 'rj' }],
    ['rj_rates_at_most_100', 'error', 'rj.conference_rate', { 'rj.conference_rate': 150 }, { profile: 'rj' }],
    ['figures_missing', 'error', 'referrals.total', { 'referrals.total': null }],
    ['figures_not_numbers', 'error', 'support.total', { 'support.total': '***' }],
    ['figures_negative', 'error', 'waiting.average_days', { 'waiting.average_days': -2 }],
    ['counts_whole', 'error', 'support.disengaged', { 'support.disengaged': 3.5 }],
    ['demographics_not_stated', 'query', 'demographics.gender.not_stated', { 'demographics.gender.not_stated': 10 * v('support.total') }],
    ['demographics_default_code', 'query', 'demographics.disability.no', { 'demographics.disability.no': 1000 * v('support.total') }],
    ['demographics_small_counts', 'info', 'demographics.district.fenland.theft', { 'demographics.district.fenland.theft': 2 }],
    ['waiting_lists_used', 'query', 'waiting.average_number', { 'waiting.average_number': 0.5 }],
    ['standard_period', 'query', '', {}, { period: periodFromIso('2020-04-01', '2020-08-31') }],
    ['case_study_length', 'error', '', {}, { lists: { caseStudies: [{ caseId: 'X1', row: 9, text: 'word '.repeat(201) }] } }],
    ['case_study_anonymised', 'query', '', {}, { lists: { caseStudies: [{ caseId: 'X2', row: 10, text: 'Reach her on 07700 900123.' }] } }],
  ];

  it.each(plants)('%s (%s)', (...[rule, severity, figure, change, extra]: Plant) => {
    const planted = { ...baseline, values: { ...baseline.values, ...change }, ...extra };
    const found = runChecks(planted).filter((f) => f.rule === rule && !before.has(`${f.rule}|${f.message}`));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.severity).toBe(severity);
    if (figure) expect(found.flatMap((f) => f.figures)).toContain(figure);
    for (const f of found) {
      expect(f.message).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/); // labels, never ids
      // The sentence is written from the finding's parameters, which carry the rule's code, title and reference.
      const written = cambridgeshire.rules.find((r) => r.id === rule)!;
      expect([f.code, f.title, f.ref]).toEqual([written.kind, written.title, written.ref === undefined ? null : String(written.ref)]);
      if (f.params.actual !== undefined) expect(f.message).toContain(numberText.format(f.params.actual));
    }
  });

  it('caseload_continuity (query), when the previous return is given', () => {
    const previous = { ...baseline, source: 'previous.json', values: { ...baseline.values, 'caseload_end.total': v('caseload_start.total') + 4 } };
    const found = runChecks(baseline, { previous }).filter((f) => f.rule === 'caseload_continuity');
    expect(found).toMatchObject([{ severity: 'query', figures: ['caseload_start.total'] }]);
    expect(found[0]!.message).toContain('(4 fewer)');
  });

  it('covers every rule of the framework', () => {
    expect(new Set([...plants.map((p) => p[0]), 'caseload_continuity'])).toEqual(new Set(cambridgeshire.rules.map((r) => r.id)));
  });
});
