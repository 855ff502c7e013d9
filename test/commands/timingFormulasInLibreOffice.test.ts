import { periodFromIso } from '../../src/engine/tally/period';
import { builtInFramework } from '../../src/frameworks/load';
import { LANCASHIRE_HEADERS, lancashireRows } from '../fixtures/lancashireCases';
import { DATE_ALONE_ROWS, TIMING_HEADERS, TIMING_ROWS, timingFramework } from '../fixtures/timingFramework';
import { recalculatedAgainstTally } from '../support/libreoffice';
import { tableOf } from '../support/tables';

jest.setTimeout(240_000);

describe('timing and comparison formulas recalculated by LibreOffice Calc', () => {
  it('equal the tally: hours and days between columns (by calendar day beside a date alone), weekends and bank holidays, numbers and dates compared, numbered columns negated', async () => {
    const { mismatches, checked } = await recalculatedAgainstTally(timingFramework, tableOf(TIMING_HEADERS, [...TIMING_ROWS, ...DATE_ALONE_ROWS]), periodFromIso('2024-04-01', '2024-06-30'));
    expect(checked).toBe(timingFramework.figures.length);
    expect(mismatches).toEqual([]);
  });

  it('equal the tally in a shorter period, from the early May bank holiday', async () => {
    const { mismatches } = await recalculatedAgainstTally(timingFramework, tableOf(TIMING_HEADERS, TIMING_ROWS), periodFromIso('2024-05-06', '2024-05-28'));
    expect(mismatches).toEqual([]);
  });

  it('equal the tally for Lancashire: referrals received at a time of day, split by service, at the period\'s edges', async () => {
    const rows = [
      ...lancashireRows([
        { service: 'VS', rows: 12, insufficient: 3, vulnerable: 5, within48h: 3, engaged: 2, rj: 1, mash: 2 },
        { service: 'VS', rows: 3, crime: 'DA', risk: 'High', engaged: 1 },
        { service: 'NEST', rows: 4, vulnerable: 2, within48h: 1, engaged: 1 },
        { service: 'Counselling', rows: 4, within3days: 3 },
        { service: 'LCM', rows: 3, crime: 'Hate crime', area: 'Preston', partnerProject: 1 },
      ]),
      // The period's last evening and the next morning; a referral before the period still open.
      { 'Case ID': 'E1', 'Referral received': '30/06/2017 23:30', 'First contact': '01/07/2017 08:00', Service: 'VS', Vulnerable: 'Yes' },
      { 'Case ID': 'E2', 'Referral received': '01/07/2017 00:00', Service: 'VS' },
      { 'Case ID': 'E3', 'Referral received': '31/03/2017 23:59', 'First contact': '01/04/2017 10:00', Service: 'NEST', Vulnerable: 'Yes' },
    ];
    const { mismatches, checked } = await recalculatedAgainstTally(builtInFramework('lancashire'), tableOf(LANCASHIRE_HEADERS, rows), periodFromIso('2017-04-01', '2017-06-30'));
    expect(checked).toBeGreaterThan(60);
    expect(mismatches).toEqual([]);
  });
});
