import { fillReturn } from '../../src/commands/fillReturn';
import { CASE_DATA_SHEET, CASES_SHEET } from '../../src/commands/returnLayout';
import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import type { RawTable } from '../../src/engine/cases/rawTable';
import { recordingPort } from '../support/recordingPort';
import type { SpooledRows } from '../../src/workbook/spooledRows';

const framework = builtInFramework('cambridgeshire');
const ROWS = 200_000;

describe('fillReturn of a big export', () => {
  it(`plans a fill of ${ROWS.toLocaleString('en-GB')} case rows without overflowing the stack, every row written`, async () => {
    const table: RawTable = {
      source: 'big.csv',
      rows: [
        { number: 1, cells: ['Case ID', 'Referral date', 'Referral source', 'Crime type'] },
        ...Array.from({ length: ROWS }, (_, i) => ({ number: i + 2, cells: [`C${i}`, '01/05/2020', 'Police', 'Theft'] })),
      ],
    };
    const { port, applied } = recordingPort();
    const { report } = await fillReturn(port, { framework, period: periodFromIso('2020-04-01', '2020-09-30'), table });
    expect(report.figures['referrals.total']).toBe(ROWS);
    const rowsWritten = (sheet: string) =>
      applied.reduce((n, op) => n + (op.op === 'write' && op.sheet === sheet ? op.rows.length : op.op === 'writeSpool' && op.sheet === sheet ? (op.spool as SpooledRows).rows.length : 0), 0);
    expect(rowsWritten(CASE_DATA_SHEET)).toBe(ROWS + 1);
    expect(rowsWritten(CASES_SHEET)).toBe(ROWS + 1);
  }, 120_000);
});
