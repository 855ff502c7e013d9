import { periodFromIso } from '../../src/engine/tally/period';
import { TIMING_HEADERS, TIMING_ROWS, timingFramework } from '../fixtures/timingFramework';
import { recalculatedAgainstTally } from '../support/libreoffice';
import { tableOf } from '../support/tables';

jest.setTimeout(240_000);

describe('timing and comparison formulas recalculated by LibreOffice Calc', () => {
  it('equal the tally: hours and days between columns, weekends and bank holidays, numbers and dates compared, numbered columns negated', async () => {
    const { mismatches, checked } = await recalculatedAgainstTally(timingFramework, tableOf(TIMING_HEADERS, TIMING_ROWS), periodFromIso('2024-04-01', '2024-06-30'));
    expect(checked).toBe(timingFramework.figures.length);
    expect(mismatches).toEqual([]);
  });

  it('equal the tally in a shorter period, from the early May bank holiday', async () => {
    const { mismatches } = await recalculatedAgainstTally(timingFramework, tableOf(TIMING_HEADERS, TIMING_ROWS), periodFromIso('2024-05-06', '2024-05-28'));
    expect(mismatches).toEqual([]);
  });
});
