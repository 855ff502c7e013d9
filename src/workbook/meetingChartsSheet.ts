/// <reference types="office-js" />
import type { PeriodChart } from '../engine/report/periodCharts';
import { cellAddress } from './addresses';
import { toExcel, type ExcelRun } from './officeWorkbook';

export const MEETING_CHARTS_SHEET = 'Meeting charts';

/** Greys from black (the period discussed) to light, with each bar's value shown: readable printed in black and white. */
const GREYS = ['#000000', '#7F7F7F', '#BFBFBF', '#404040', '#D9D9D9'];
const SHEET_TRIES = 50;
/** Columns a chart spans. */
const CHART_COLUMNS = 8;

/**
 * Puts the meeting pack's charts into the open workbook as native Excel charts on a new sheet: each chart's data
 * written as a small table (categories down, one column per period), its clustered bar chart beside it. The data
 * is the engine's (periodCharts), the same the pack's page draws. Two round trips, however many charts.
 */
export async function insertMeetingCharts(run: ExcelRun, charts: readonly PeriodChart[]): Promise<{ sheet: string; charts: number }> {
  return run(async (context) => {
    // A new sheet each time: "Meeting charts", else the first free "Meeting charts 2", "… 3" …
    const names = [MEETING_CHARTS_SHEET, ...Array.from({ length: SHEET_TRIES - 1 }, (_, i) => `${MEETING_CHARTS_SHEET} ${i + 2}`)];
    const existing = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    await context.sync();
    const free = names.find((_, i) => existing[i]!.isNullObject);
    if (!free) throw new Error(`The workbook already has sheets "${MEETING_CHARTS_SHEET}" to "${names[names.length - 1]}": delete some and try again.`);
    const sheet = context.workbook.worksheets.add(free);

    let top = 1;
    for (const chart of charts) {
      const periods = chart.series.map((s) => s.period);
      const rows = [[chart.title], ['', ...periods], ...chart.categories.map((category, c) => [category, ...chart.series.map((s) => s.values[c] ?? null)])];
      const width = periods.length + 1;
      const padded = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => null)].map(toExcel));
      sheet.getRange(`${cellAddress(top, 1)}:${cellAddress(top + rows.length - 1, width)}`).values = padded;
      sheet.getRange(cellAddress(top, 1)).format.font.bold = true;

      const data = sheet.getRange(`${cellAddress(top + 1, 1)}:${cellAddress(top + rows.length - 1, width)}`);
      const excelChart = sheet.charts.add('BarClustered', data, 'Columns');
      excelChart.title.text = chart.title;
      excelChart.legend.position = 'Top';
      excelChart.dataLabels.showValue = true;
      // Bars run top to bottom in the order of the table, as on the page.
      excelChart.axes.categoryAxis.reversePlotOrder = true;
      chart.series.forEach((_, i) => excelChart.series.getItemAt(i).format.fill.setSolidColor(GREYS[Math.min(chart.series.length - 1 - i, GREYS.length - 1)]!));
      // Beside its table, tall enough for a bar per period and category.
      const height = Math.max(chart.categories.length * chart.series.length + 6, 14);
      excelChart.setPosition(cellAddress(top, width + 2), cellAddress(top + height - 1, width + CHART_COLUMNS + 1));
      top += Math.max(height, rows.length) + 2;
    }
    sheet.getRange('A:A').format.columnWidth = 180;
    sheet.activate();
    await context.sync();
    return { sheet: free, charts: charts.length };
  });
}
