import { OfficeMockObject } from 'office-addin-mock';
import { insertMeetingCharts, MEETING_CHARTS_SHEET } from '../../src/workbook/meetingChartsSheet';
import { periodCharts } from '../../src/engine/report/periodCharts';
import { periodFromIso } from '../../src/engine/tally/period';
import { countingRun } from '../support/officeMock';
import { returnWith } from '../support/returns';

interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: { text?: string };
  legend: { position?: string };
  dataLabels: { showValue?: boolean };
  axes: { categoryAxis: { reversePlotOrder?: boolean } };
  fills: string[];
  position: string[];
}

/** Excel's workbook as office-addin-mock sees it: sheets by name, ranges remembering what was written, charts added. */
function mockedExcel(existingSheets: string[]) {
  const written: Record<string, unknown> = {};
  const added: string[] = [];
  const charts: FakeChart[] = [];
  let activated = '';
  const range = (address: string) => ({
    set values(v: unknown) {
      written[address] = v;
    },
    format: { font: {}, columnWidth: 0 },
    address,
  });
  const context = new OfficeMockObject({
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => ({ isNullObject: !existingSheets.includes(name) }),
        add(name: string) {
          added.push(name);
          return {
            getRange: range,
            activate: () => {
              activated = name;
            },
            charts: {
              add(type: string, source: { address: string }, seriesBy: string) {
                const chart: FakeChart = { type, source: source.address, seriesBy, title: {}, legend: {}, dataLabels: {}, axes: { categoryAxis: {} }, fills: [], position: [] };
                charts.push(chart);
                return {
                  ...chart,
                  series: { getItemAt: (i: number) => ({ format: { fill: { setSolidColor: (c: string) => (chart.fills[i] = c) } } }) },
                  setPosition: (from: string, to: string) => chart.position.push(from, to),
                  set title(_: unknown) {},
                  get title() {
                    return chart.title;
                  },
                  get legend() {
                    return chart.legend;
                  },
                  get dataLabels() {
                    return chart.dataLabels;
                  },
                  get axes() {
                    return chart.axes;
                  },
                };
              },
            },
          };
        },
      },
    },
  }) as unknown as OfficeMockObject;
  return { ...countingRun(context), written, added, charts, activated: () => activated };
}

describe('insertMeetingCharts: the pack’s charts as native Excel charts', () => {
  const previous = returnWith({ 'referrals.total': 10, 'referrals.by_source.police': 6, 'referrals.by_source.self': 4 }, { period: periodFromIso('2019-10-01', '2020-03-31') });
  const current = returnWith({ 'referrals.total': 12, 'referrals.by_source.police': 7, 'referrals.by_source.self': '=HYPERLINK("x")' });
  const charts = periodCharts([previous, current]);

  it('writes each chart’s data on a new sheet and adds a clustered bar chart over it, in two round trips', async () => {
    const excel = mockedExcel(['Outputs', MEETING_CHARTS_SHEET]);
    const result = await insertMeetingCharts(excel.run, charts);
    expect(result).toEqual({ sheet: `${MEETING_CHARTS_SHEET} 2`, charts: charts.length });
    expect(excel.added).toEqual([`${MEETING_CHARTS_SHEET} 2`]);
    expect(excel.activated()).toBe(`${MEETING_CHARTS_SHEET} 2`);
    expect(excel.syncs()).toBe(2);
    expect(excel.charts).toHaveLength(charts.length);

    // The headline chart: its table from A1, then its chart over the header and category rows.
    const headline = charts[0]!;
    const block = excel.written[`A1:C${headline.categories.length + 2}`] as unknown[][];
    expect(block[0]).toEqual([headline.title, '', '']);
    expect(block[1]).toEqual(['', '1 Oct 2019 – 31 Mar 2020', '1 Apr 2020 – 30 Sep 2020']);
    expect(block.slice(2)).toEqual(headline.categories.map((category, c) => [category, ...headline.series.map((s) => s.values[c] ?? '')]));
    expect(excel.charts[0]).toMatchObject({ type: 'BarClustered', source: `A2:C${headline.categories.length + 2}`, seriesBy: 'Columns', title: { text: headline.title }, dataLabels: { showValue: true } });
    // The period discussed in black, the earlier one grey: told apart in black and white.
    expect(excel.charts[0]!.fills).toEqual(['#7F7F7F', '#000000']);
    expect(excel.charts[0]!.position[0]).toBe('E1');
  });

  it('the same numbers as the page’s charts, and text never becomes a formula', async () => {
    const excel = mockedExcel([]);
    await insertMeetingCharts(excel.run, charts);
    const bySource = charts.findIndex((c) => c.title === 'New referrals by source');
    const address = excel.charts[bySource]!.source;
    const [, top] = /^A(\d+):/.exec(address)!;
    const block = excel.written[`A${Number(top) - 1}:C${address.split(':C')[1]}`] as unknown[][];
    const police = block.find((r) => r[0] === 'Police (local force)')!;
    expect(police).toEqual(['Police (local force)', 6, 7]);
    expect(block.find((r) => r[0] === 'Self-referral')).toEqual(['Self-referral', 4, '']);

    // A period named by a file, or a label, that looks like a formula is written as text.
    const hostile = mockedExcel([]);
    await insertMeetingCharts(hostile.run, [{ id: 'x', title: '=1+1', categories: ['@SUM(A1)'], series: [{ period: '+cmd', values: [3] }] }]);
    expect(hostile.written['A1:B3']).toEqual([["'=1+1", ''], ['', "'+cmd"], ["'@SUM(A1)", 3]]);
  });
});
