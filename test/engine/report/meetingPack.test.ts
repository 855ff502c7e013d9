import { parseFramework } from '../../../src/frameworks/load';
import { meetingPack } from '../../../src/engine/report/meetingPack';
import { packHtml } from '../../../src/engine/report/packHtml';
import { periodCharts } from '../../../src/engine/report/periodCharts';
import { describeTarget, judgeTargets } from '../../../src/engine/report/targets';
import type { Finding } from '../../../src/engine/checks/findings';
import { periodFromIso } from '../../../src/engine/tally/period';
import { cambridgeshire, returnWith } from '../../support/returns';

/** Cambridgeshire with Lancashire's engagement target (20–25 % of referrals supported), judged on 50 referrals or more. */
const withEngagement = parseFramework(
  { ...cambridgeshire, targets: [...cambridgeshire.targets, { id: 'engagement', label: 'Engagement rate', figure: 'support.total', of: 'referrals.total', min: 0.2, max: 0.25, minBase: 50 }] },
  'test framework',
);
const lancashire = (values: Parameters<typeof returnWith>[0]) => ({ ...returnWith(values), framework: withEngagement });

describe('targets', () => {
  it('judges a rate against its range: 9 % engagement misses 20–25 %, 22 % meets it', () => {
    const missed = judgeTargets(lancashire({ 'support.total': 90, 'referrals.total': 1000 })).find((t) => t.target.id === 'engagement')!;
    expect(missed).toMatchObject({ status: 'not_met', value: 0.09, base: 1000 });
    expect(describeTarget(missed.target)).toBe('20 % to 25 %');
    expect(judgeTargets(lancashire({ 'support.total': 220, 'referrals.total': 1000 })).find((t) => t.target.id === 'engagement')!.status).toBe('met');
    expect(judgeTargets(lancashire({ 'support.total': 260, 'referrals.total': 1000 })).find((t) => t.target.id === 'engagement')!.status).toBe('not_met');
  });

  it('does not judge a rate on a base under its minimum, nor a blank figure', () => {
    const results = judgeTargets(lancashire({ 'support.total': 1, 'referrals.total': 12, 'waiting.average_number': null }));
    expect(results.find((t) => t.target.id === 'engagement')!.status).toBe('too_small');
    expect(results.find((t) => t.target.id === 'no_waiting_lists')!.status).toBe('not_known');
  });

  it('Cambridgeshire: no waiting lists, and an outcome on every exit once there are 10 exits', () => {
    const results = judgeTargets(returnWith({ 'waiting.average_number': 2.5, 'outcomes.exits': 9, 'outcomes.exits_without_outcome': 3 }));
    expect(results.map((r) => [r.target.id, r.status])).toEqual([
      ['no_waiting_lists', 'not_met'],
      ['every_exit_has_an_outcome', 'too_small'],
    ]);
    expect(judgeTargets(returnWith({ 'outcomes.exits': 40, 'outcomes.exits_without_outcome': 0 }))[1]!.status).toBe('met');
  });

  it('a framework whose target names no figure is refused with the path', () => {
    expect(() => parseFramework({ ...cambridgeshire, targets: [{ id: 'x', label: 'X', figure: 'support.nothing', max: 1 }] }, 'bad.json')).toThrow(/targets.*support\.nothing/s);
    expect(() => parseFramework({ ...cambridgeshire, targets: [{ id: 'x', label: 'X', figure: 'support.total' }] }, 'bad.json')).toThrow(/min, a max or both/);
  });
});

describe('period charts', () => {
  const first = returnWith({ 'referrals.total': 10, 'referrals.by_source.police': 6, 'referrals.by_source.self': 4 }, { source: 'q1.xlsx' });
  const second = returnWith({ 'referrals.total': 12, 'referrals.by_source.police': 'N/A', 'referrals.by_source.self': 5 }, { source: 'q2.xlsx', period: periodFromIso('2020-10-01', '2021-03-31') });

  it('draws each breakdown of a headline figure, one series per period, oldest first; text is no bar', () => {
    const charts = periodCharts([first, second]);
    const bySource = charts.find((c) => c.title === 'New referrals by source')!;
    const police = bySource.categories.indexOf('Police (local force)');
    expect(bySource.series.map((s) => s.period)).toEqual(['1 Apr 2020 – 30 Sep 2020', '1 Oct 2020 – 31 Mar 2021']);
    expect(bySource.series.map((s) => s.values[police])).toEqual([6, null]);
    expect(bySource.series[1]!.values[bySource.categories.indexOf('Self-referral')]).toBe(5);
    const headline = charts[0]!;
    expect(headline.title).toBe('Headline figures');
    expect(headline.series[1]!.values[headline.categories.indexOf('Total new referrals')]).toBe(12);
  });

  it('leaves out cross-table rows and columns and charts with nothing in them', () => {
    const charts = periodCharts([second]);
    expect(charts.every((c) => c.series.length === 1)).toBe(true);
    expect(charts.some((c) => /by crime type.*gender|Gender.*crime/i.test(c.title))).toBe(false);
    const onlyHeld = periodCharts([{ ...second, held: new Set(['referrals.total']) }]);
    expect(onlyHeld.map((c) => c.title)).toEqual(['Headline figures']);
  });
});

describe('the meeting pack', () => {
  const query: Finding = {
    code: 'threshold', rule: 'waiting_lists_used', title: 'No waiting lists', ref: '15', severity: 'query', figures: ['waiting.average_number'], cells: ['Outputs!B40'],
    params: {}, message: 'Average number of victims on waiting lists is 2.5; the target is at most 0.', hint: 'Explain.',
  };
  const info: Finding = { ...query, severity: 'info', message: 'Small counts.' };
  const previous = returnWith({ 'support.total': 80, 'needs.additional': 20 }, { source: 'q1.xlsx', period: periodFromIso('2019-10-01', '2020-03-31') });
  const current = returnWith({ 'support.total': 100, 'needs.additional': 30, 'demographics.gender.not_stated': 40, 'demographics.gender.female': 60 }, { source: 'q2 <b>.xlsx' });
  const explanation = '<script>alert(1)</script> A new ISVA post & a list';
  const pack = meetingPack(current, [previous], [query, info], (f) => (f.rule === 'waiting_lists_used' ? explanation : null), { rows: 5, notCounted: 1, contradictions: [{ title: 'Support accepted without contact', rows: 2 }] });

  it('gives each headline figure its base and its change on the last period', () => {
    const needs = pack.headlines.find((h) => h.id === 'needs.additional')!;
    expect(needs).toMatchObject({ value: 30, base: { label: 'Victims receiving support', value: 100 }, previous: [{ value: 20, change: 10 }] });
    expect(pack.headlines.some((h) => h.id.startsWith('referrals.by_source'))).toBe(false);
  });

  it('lists open errors and queries with the explanation, and not-stated shares', () => {
    expect(pack.findings).toEqual([{ severity: 'query', message: query.message, hint: 'Explain.', cell: 'Outputs!B40', explanation }]);
    expect(pack.notStated.find((n) => n.label === 'Gender')).toEqual({ label: 'Gender', notStated: 40, total: 100 });
  });

  it('renders one page with no script, escaped workbook text, A4 print rules and patterned charts', () => {
    const html = packHtml(pack);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; A new ISVA post &amp; a list');
    expect(html).toContain('q2 &lt;b&gt;.xlsx');
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/<pattern id="c0-f0"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('40 %'); // gender not stated 40 of 100
    expect(html).toContain('Support accepted without contact');
  });
});
