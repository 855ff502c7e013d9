import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { readDelimited } from '../../src/tables/readDelimited';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import { V2_HEADERS, V2_ROWS } from '../fixtures/versionTwoCases';
import { recalculatedAgainstTally } from '../support/libreoffice';
import { monthlyCambridgeshire } from '../support/monthlyFramework';
import { WEST_MIDLANDS_HEADERS, westMidlandsSeedRows } from '../fixtures/westMidlandsSeed';
import { jsDateOfDay } from '../../src/engine/cases/dates';
import { tableOf } from '../support/tables';

/**
 * The central property: the formulas written into a return, recalculated by a real spreadsheet engine, give
 * exactly the figures the TypeScript tally gives from the same cases.
 */
const framework = builtInFramework('cambridgeshire');
jest.setTimeout(240_000);

describe('formulas recalculated by LibreOffice Calc', () => {
  it('equal the tally on the bundled sample export', async () => {
    const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'cambridgeshire-cases.csv'), 'utf8');
    const { mismatches, checked } = await recalculatedAgainstTally(framework, readDelimited(sample, 'sample.csv'), periodFromIso('2020-04-01', '2020-09-30'));
    expect(checked).toBeGreaterThan(600);
    expect(mismatches).toEqual([]);
  });

  it('equal the tally at the edges: period bounds, blank exits, waiting lists, dates of birth, unknown categories, repeated IDs', async () => {
    const table = tableOf(HEADERS, ROWS);
    for (const period of [periodFromIso('2020-04-01', '2020-09-30'), periodFromIso('2020-06-01', '2020-06-30')]) {
      const { mismatches } = await recalculatedAgainstTally(framework, table, period);
      expect(mismatches).toEqual([]);
    }
  });

  it('equal the tally on the version 2 definitions: triaged out, declined, police referrals, outcomes missing, absent columns', async () => {
    const { mismatches, checked } = await recalculatedAgainstTally(framework, tableOf(V2_HEADERS, V2_ROWS), periodFromIso('2020-04-01', '2020-09-30'));
    expect(checked).toBeGreaterThan(600);
    expect(mismatches).toEqual([]);
  });

  it('equal the tally for figures asked month by month, over 12 months and as percentages, headed by each month, and follow a new period typed in', async () => {
    const monthly = monthlyCambridgeshire();
    const table = tableOf(HEADERS, ROWS);
    const filled = await recalculatedAgainstTally(monthly, table, periodFromIso('2020-04-01', '2020-06-30'));
    expect(filled.checked).toBeGreaterThan(800);
    expect(filled.mismatches).toEqual([]);
    const first = (await filled.recalculated.names()).find((n) => n.name === 'referrals.total.m1')!;
    const [row, column] = [Number(first.range.replace(/^\D+/, '')), first.range.replace(/\d+$/, '')];
    const headings = await filled.recalculated.read([{ sheet: first.sheet, range: `${column}${row - 1}:${String.fromCharCode(column.charCodeAt(0) + 4)}${row - 1}` }]);
    expect(headings[0]![0]).toEqual([...['2020-04-01', '2020-05-01', '2020-06-01'].map((d) => jsDateOfDay(periodFromIso(d, d).from)), 'Period total', '12 months to period end']);
    const moved = await recalculatedAgainstTally(monthly, table, periodFromIso('2020-04-01', '2020-06-30'), periodFromIso('2020-07-01', '2020-09-30'));
    expect(moved.mismatches).toEqual([]);
  });

  it('equal the tally on the West Midlands seed\'s quarter: sums, flags and percentages month by month', async () => {
    const westMidlands = builtInFramework('west-midlands');
    const { mismatches, checked } = await recalculatedAgainstTally(westMidlands, tableOf(WEST_MIDLANDS_HEADERS, westMidlandsSeedRows()), periodFromIso('2015-04-01', '2015-06-30'));
    expect(checked).toBe(136);
    expect(mismatches).toEqual([]);
  });

  it('equal the tally with no cases at all', async () => {
    const { mismatches } = await recalculatedAgainstTally(framework, tableOf(HEADERS, []), periodFromIso('2020-04-01', '2020-09-30'));
    expect(mismatches).toEqual([]);
  });
});
