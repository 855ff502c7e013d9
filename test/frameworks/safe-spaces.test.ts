import { builtInFramework } from '../../src/frameworks/load';
import { figuresOf } from '../../src/frameworks/expand';
import { runChecks } from '../../src/engine/checks/runChecks';
import { judgeTargets } from '../../src/engine/report/targets';
import { tallyTable } from '../../src/engine/report/tallyReport';
import { periodFromIso } from '../../src/engine/tally/period';
import type { RawCell } from '../../src/engine/cases/rawTable';
import { tableOf } from '../support/tables';
import { recalculateInLibreOffice } from '../support/libreoffice';
import { fillReturn } from '../../src/commands/fillReturn';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';

/**
 * The Safe Spaces quarter of seed 000 (1 July – 30 September) built from case and event rows: 40 new cases, 81
 * active at the quarter's end, 40 closed including 5 rejected, self-referrals by method 10/18/5/5, 2 referrals
 * from organisations, denominations 18/8/1/13.
 */
const framework = builtInFramework('safe-spaces');
const period = periodFromIso('2024-07-01', '2024-09-30');

type Row = Record<string, RawCell>;
const repeat = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
const day = (month: number, d: number) => `${String(d).padStart(2, '0')}/${String(month).padStart(2, '0')}/2024`;

// 81 cases open at the start; 25 of them close in the quarter. 40 new cases; 15 of them close, 5 of those rejected.
const old: Row[] = repeat(81, (i) => ({ 'Case ref': `SS-${100 + i}`, 'Date opened': day(1 + (i % 6), 1 + (i % 27)), 'Date closed': i < 25 ? day(7 + (i % 3), 2 + i) : null, Gender: i % 3 ? 'Female' : 'Male', Age: 30 + (i % 40) }));
const methods = [...repeat(10, () => 'Email'), ...repeat(18, () => 'Telephone'), ...repeat(5, () => 'Live chat'), ...repeat(5, () => 'Website')];
const denominations = [...repeat(18, () => 'Church of England'), ...repeat(8, () => 'Roman Catholic'), ...repeat(1, () => 'Did not disclose'), ...repeat(13, () => '')];
const reasons = ['Denomination outside the criteria', 'Denomination outside the criteria', 'Abuse not church-related', 'Outside church jurisdiction', 'Duplicate'];
const fresh: Row[] = repeat(40, (i) => ({
  'Case ref': `SS-${300 + i}`,
  'Date opened': day(7 + (i % 3), 1 + (i % 28)),
  'Date closed': i < 15 ? '30/09/2024' : null,
  Rejected: i < 5 ? 'Yes' : 'No',
  'Rejection reason': i < 5 ? reasons[i]! : null,
  'Referral route': i < 38 ? 'Self-referral' : 'External organisation',
  'Self-referral method': i < 38 ? methods[i]! : null,
  Denomination: denominations[i]!,
  'Contact made after external referral': i === 38 ? 'Yes' : i === 39 ? 'No' : null,
}));
const CASE_HEADERS = ['Case ref', 'Date opened', 'Date closed', 'Rejected', 'Rejection reason', 'Referral route', 'Self-referral method', 'Denomination', 'Contact made after external referral', 'Gender', 'Age'];
const cases = tableOf(CASE_HEADERS, [...old, ...fresh], 'cases.csv');

// KPI 32's contacts by channel (the seed's 901), spread over the open cases; three the case data does not have.
const channels = { 'Live chat': 26, Email: 639, Phone: 159, SMS: 73, Video: 2, Letter: 2 };
const contactRows: Row[] = Object.entries(channels).flatMap(([channel, n]) => repeat(n, () => channel)).map((channel, i) => ({
  'Case ref': `SS-${300 + (i % 40)}`,
  'Contact received': `${day(9, 1 + (i % 28))} 10:00`,
  Responded: `${day(9, 1 + (i % 28))} 15:00`,
  Channel: channel,
}));
const contacts = tableOf(['Case ref', 'Contact received', 'Responded', 'Channel'], [...contactRows, ...repeat(3, () => ({ 'Case ref': 'SS-999', 'Contact received': '02/09/2024 10:00', Channel: 'Email' }))], 'contacts.csv');
// KPI 9: 31 advocacy occasions for 7 users; KPI 16 counts users, each once per type.
const services = tableOf(['Case ref', 'Date', 'Service'], [
  ...repeat(31, (i) => ({ 'Case ref': `SS-${100 + (i % 7)}`, Date: day(8, 1 + i), Service: 'Advocacy' })),
  ...repeat(4, (i) => ({ 'Case ref': `SS-${100 + (i % 2)}`, Date: day(8, 1 + i), Service: 'Legal support' })),
], 'services.csv');
const activities = tableOf(['Case ref', 'Date', 'Activity', 'Referral accepted'], [
  ...repeat(40, (i) => ({ 'Case ref': `SS-${300 + i}`, Date: day(9, 1 + (i % 28)), Activity: 'Risk assessment' })),
  { 'Case ref': 'SS-300', Date: day(9, 2), Activity: 'Safety planning' },
  { 'Case ref': 'SS-301', Date: day(9, 2), Activity: 'Referral to police with the victim\'s consent' },
  ...repeat(3, (i) => ({ 'Case ref': `SS-${302 + i}`, Date: day(9, 3), Activity: 'Social care referral' })),
  ...repeat(3, (i) => ({ 'Case ref': `SS-${305 + i}`, Date: day(9, 3), Activity: 'Wellbeing referral', 'Referral accepted': i < 2 ? 'Yes' : 'No' })),
], 'activities.csv');

describe('the safe-spaces framework', () => {
  const report = tallyTable(cases, framework, period, {}, [
    { table: 'contacts', rows: contacts },
    { table: 'services', rows: services },
    { table: 'activities', rows: activities },
  ]);
  const f = report.figures;

  it('gives the seed\'s case overview from case rows', () => {
    expect([f['overview.new'], f['overview.active_start'], f['overview.active_end'], f['overview.closed'], f['overview.rejected']]).toEqual([40, 81, 81, 40, 5]);
    expect(figuresOf(framework).filter((x) => x.id.startsWith('overview.rejected.by_reason.') && x.subPeriod === null).map((x) => f[x.id])).toEqual([2, 1, 1, 1, 0, 0]);
  });

  it('gives the case overview month by month: July, August and September add up to the quarter and follow on', () => {
    // New cases open in July, August and September in turn (14/13/13); the old cases close likewise (9/8/8), the 15
    // new ones that close (5 of them rejected) on 30 September.
    const months = (id: string) => ['m1', 'm2', 'm3'].map((m) => f[`${id}.${m}`]);
    expect(months('overview.new')).toEqual([14, 13, 13]);
    expect(months('overview.closed')).toEqual([9, 8, 23]);
    expect(months('overview.rejected')).toEqual([0, 0, 5]);
    expect(months('overview.active_start')).toEqual([81, 86, 91]);
    expect(months('overview.active_end')).toEqual([86, 91, 81]);
    expect(months('overview.rejected.by_reason.denomination_outside_criteria')).toEqual([0, 0, 2]);
  });

  it('gives the seed\'s referral figures: methods 10/18/5/5, 2 from organisations, denominations 18/8/1/13', () => {
    expect(['email', 'telephone', 'live_chat', 'website'].map((m) => f[`kpi.k24a.${m}`])).toEqual([10, 18, 5, 5]);
    expect(f['kpi.k24a.total']).toBe(38);
    expect(f['kpi.k25']).toBe(2);
    expect(f['kpi.k26']).toBe(1);
    // KPI 24b counts every new case, the 2 from organisations (denomination unknown) among the 13 unknown: the
    // seed's 18/8/1/13 add up to its 40 new cases, not to its 38 self-referrals.
    expect(['cofe', 'catholic', 'other', 'did_not_disclose', 'unknown'].map((d) => f[`kpi.k24b.${d}`])).toEqual([18, 8, 0, 1, 13]);
    expect(f['kpi.k24b.total']).toBe(f['overview.new']);
    expect(f['kpi.k28.accepted']).toBe(35);
  });

  it('counts contacts by channel, service deliveries and users by service, and activities from the event tables', () => {
    expect(['live_chat', 'email', 'phone', 'sms', 'video', 'letter'].map((c) => f[`kpi.k32.by_channel.${c}`])).toEqual([26, 639, 159, 73, 2, 2]);
    expect(f['kpi.k32.total']).toBe(901);
    expect(f['kpi.k9']).toBe(31);
    expect(f['kpi.k16.advocacy']).toBe(7);
    expect(f['kpi.k16.legal']).toBe(2);
    expect([f['kpi.k18.risk_assessment'], f['kpi.k18.safety_planning'], f['kpi.k5a'], f['kpi.k7a'], f['kpi.k17'], f['kpi.k17a'], f['kpi.k17b']]).toEqual([40, 1, 1, 3, 3, 2, 1]);
    // Every contact on a weekday in September 2024 (no bank holiday), answered the same day.
    expect(f['kpi.k1.weekday_contacts']).toBe(f['kpi.k1.responded_48h']);
    expect(report.rowIssues.filter((i) => i.code === 'unknown_case').map((i) => [i.source, i.caseId])).toEqual(repeat(3, () => ['contacts.csv', 'SS-999']));
  });

  it('fills the return with live formulas that LibreOffice recalculates to the tally', async () => {
    const workbook = XlsxWorkbook.create();
    const filled = await fillReturn(workbook, { framework, period, table: cases, events: [{ table: 'contacts', rows: contacts }, { table: 'services', rows: services }, { table: 'activities', rows: activities }] });
    const recalculated = await XlsxWorkbook.fromBytes(recalculateInLibreOffice(await workbook.toBytes()), 'recalculated.xlsx');
    const names = new Map((await recalculated.names()).map((n) => [n.name, n]));
    const ids = Object.keys(filled.report.figures).filter((id) => filled.report.figures[id] !== null);
    const values = await recalculated.read(ids.map((id) => names.get(id)!));
    expect(ids.filter((id, i) => values[i]![0]![0] !== filled.report.figures[id]).map((id, i) => `${id}: ${filled.report.figures[id]} vs ${String(values[i]![0]![0])}`)).toEqual([]);
    expect(ids.length).toBeGreaterThan(100);
  }, 240_000);

  it('finds no error in figures computed from the rows, but asks for those a missing column left blank', () => {
    const values = { ...report.figures, 'kpi.k42.sent': 19, 'kpi.k42.returned': 1 };
    const errors = runChecks({ source: 'q2.json', framework, period, values, cells: {}, lists: {} }).filter((x) => x.severity === 'error');
    expect(errors.filter((x) => x.rule !== 'counted_figures_given')).toEqual([]);
    expect(errors.flatMap((x) => (x.rule === 'counted_figures_given' ? x.figures : [])).sort()).toEqual(Object.keys(report.blanked).sort());
    expect(Object.keys(report.blanked).length).toBeGreaterThan(0);
  });

  describe('the seed\'s own figures, typed in as it gives them', () => {
    const seed = {
      'overview.new': 40, 'overview.active_end': 81, 'overview.closed': 40, 'overview.rejected': 5,
      'overview.rejected.by_reason.denomination_outside_criteria': 2, 'overview.rejected.by_reason.not_church_related': 1,
      'overview.rejected.by_reason.outside_jurisdiction': 1, 'overview.rejected.by_reason.duplicate': 1,
      'kpi.k24a.email': 10, 'kpi.k24a.telephone': 18, 'kpi.k24a.live_chat': 5, 'kpi.k24a.website': 5, 'kpi.k24a.total': 38, 'kpi.k25': 2, 'kpi.k26': 1,
      'kpi.k24b.cofe': 18, 'kpi.k24b.catholic': 8, 'kpi.k24b.did_not_disclose': 1, 'kpi.k24b.unknown': 13, 'kpi.k24b.total': 40,
      'kpi.k32.by_channel.live_chat': 26, 'kpi.k32.by_channel.email': 639, 'kpi.k32.by_channel.phone': 159, 'kpi.k32.by_channel.sms': 73,
      'kpi.k32.by_channel.video': 2, 'kpi.k32.by_channel.letter': 2, 'kpi.k32.total': 901,
      'kpi.k3.percent': 100, 'kpi.k3.responses': 1, 'kpi.k21.percent': 'N/!', 'kpi.k21.responses': 1, 'kpi.k27.score_total': 5, 'kpi.k27.responses': 1,
      'kpi.k42.sent': 19, 'kpi.k42.returned': 1,
    };
    const findings = runChecks({ source: 'safe-spaces-q4.json', framework, period, values: seed, cells: {}, lists: {} });

    it('holds together where the seed does: the overview, referral routes, denominations and channels', () => {
      const rules = new Set(findings.filter((x) => x.severity === 'error').map((x) => x.rule));
      for (const rule of ['closed_includes_rejected', 'rejection_reasons_add_up', 'referral_routes_add_up', 'denominations_are_new_cases', 'contacts_by_channel_add_up', 'external_contacts_within_referrals', 'survey_chain'])
        expect([rule, rules.has(rule)]).toEqual([rule, false]);
    });

    it('asks for every counted figure the seed leaves blank, as an error, and not for the ones it gives', () => {
      const missing = findings.filter((x) => x.rule === 'counted_figures_given');
      expect(missing.map((x) => x.severity)).toEqual(['error']);
      expect(missing[0]!.figures).toEqual(expect.arrayContaining(['overview.active_start', 'kpi.k1.weekday_contacts', 'kpi.k16.advocacy', 'kpi.k30.gender.female']));
      expect(missing[0]!.figures).not.toEqual(expect.arrayContaining(['overview.new']));
      expect(missing[0]!.figures).not.toEqual(expect.arrayContaining(['kpi.k3.percent']));
    });

    it('catches "N/!" in KPI 21 and queries 100% from one response', () => {
      expect(findings).toEqual(expect.arrayContaining([
        expect.objectContaining({ rule: 'figures_not_numbers', severity: 'error', figures: ['kpi.k21.percent'] }),
        expect.objectContaining({ rule: 'survey_small_base', severity: 'query', figures: ['kpi.k3.percent', 'kpi.k3.responses'] }),
        expect.objectContaining({ rule: 'ease_of_access_small_base', severity: 'query' }),
      ]));
    });

    it('does not judge a survey target on one response', () => {
      const judged = judgeTargets({ source: 'q', framework, period, values: seed, cells: {}, lists: {} } as Parameters<typeof judgeTargets>[0]);
      expect(judged.find((t) => t.target.id === 'k27_target')!.status).toBe('too_small');
    });

    it('catches active cases that do not follow from the start, new and closed', () => {
      const flow = runChecks({ source: 'q', framework, period, values: { ...seed, 'overview.active_start': 80 }, cells: {}, lists: {} });
      expect(flow).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'caseload_flow', severity: 'error' })]));
    });

    it('catches a month whose active cases do not follow from its start, new and closed, or from the month before', () => {
      const monthly = { ...seed, 'overview.new.m1': 14, 'overview.new.m2': 13, 'overview.new.m3': 13, 'overview.closed.m1': 9, 'overview.closed.m2': 8, 'overview.closed.m3': 23,
        'overview.active_start.m1': 81, 'overview.active_end.m1': 86, 'overview.active_start.m2': 86, 'overview.active_end.m2': 91, 'overview.active_start.m3': 91, 'overview.active_end.m3': 81, 'overview.active_start': 81 };
      const rulesOf = (values: Record<string, number | string>) => runChecks({ source: 'q', framework, period, values, cells: {}, lists: {} }).filter((x) => x.severity === 'error').map((x) => x.rule);
      expect(rulesOf(monthly).filter((r) => /month|caseload/.test(r))).toEqual([]);
      expect(rulesOf({ ...monthly, 'overview.active_end.m2': 90 })).toEqual(expect.arrayContaining(['caseload_flow_monthly', 'month_3_follows_on']));
      expect(rulesOf({ ...monthly, 'overview.new.m3': 12 })).toEqual(expect.arrayContaining(['months_add_up', 'caseload_flow_monthly']));
    });

    it('catches KPI 26 above KPI 25, and more survey responses than surveys sent', () => {
      const wrong = runChecks({ source: 'q', framework, period, values: { ...seed, 'kpi.k26': 3, 'kpi.k42.returned': 20 }, cells: {}, lists: {} }).map((x) => x.rule);
      expect(wrong).toEqual(expect.arrayContaining(['external_contacts_within_referrals', 'survey_chain']));
    });
  });
});
