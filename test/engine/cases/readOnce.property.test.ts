import fc from 'fast-check';
import { builtInFramework } from '../../../src/frameworks/load';
import { dayFromIso } from '../../../src/engine/cases/dates';
import { importCases } from '../../../src/engine/cases/importCases';
import type { RawTable } from '../../../src/engine/cases/rawTable';
import { tallyCases } from '../../../src/engine/tally/tally';
import { periodFromIso } from '../../../src/engine/tally/period';
import { CASE_HEADERS, validCaseRow } from '../../support/randomCases';
import { tableOf } from '../../support/tables';
import { RowCoder, RowDecoder } from '../../../src/tables/codedRows';

const framework = builtInFramework('cambridgeshire');
const today = dayFromIso('2021-01-15')!;
const period = periodFromIso('2020-04-01', '2020-09-30');

/** What messy exports put in any column: dates in every form (impossible, future, with times), slips, error values, invisible edges. */
const MESSY = ['', ' ', 'Not known', '#N/A', ' #REF! ', '\u00a0Yes\u200b', 'Y', 'no', 'TRUE', '3', '-1', '2.5', '34', '25-34', '65+', '2020-05-01', '2020-02-30',
  '01/05/2020', '13/05/2020', '05/13/2020', '01/05/2020 09:30', '01/05/2020 25:61', '2099-01-01', '1 May 2020', '01-May-20', '43952', '27/04/1936',
  'Police', 'Self', 'Theft', 'Domestic abuse', 'Female', 'White - British', 'Better informed', 'Health and wellbeing; Housing', 'C1', 'C1 ', 'a  b'];
const messyCell = fc.oneof({ arbitrary: fc.constantFrom(...MESSY), weight: 6 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 });
/** Valid rows with some of their cells swapped for messy ones: repeated spellings, so remembered readings are reused. */
const messyRow = fc.tuple(validCaseRow, fc.dictionary(fc.constantFrom(...CASE_HEADERS), messyCell, { maxKeys: 6 })).map(([row, messy]) => ({ ...row, ...messy }));
const messyRows = fc.array(messyRow, { maxLength: 40 }).map((rows) => rows.map((r, i) => ({ ...r, 'Case ID': i % 7 === 3 ? 'C1' : `C${i}` })));

/** The same sheet with a merge on a case column far below its rows: every cell is then read on its own, nothing remembered or shortened. */
function readCellByCell(table: RawTable): RawTable {
  const last = table.rows.length + 10;
  return { ...table, merges: [{ top: last, left: 1, bottom: last + 1, right: 1 }] };
}

/** The same sheet as a second thread hands it over: each cell with its column's code, read by it. */
function coded(table: RawTable, batchRows: number): RawTable {
  const coder = new RowCoder();
  const decoder = new RowDecoder();
  const rows: RawTable['rows'] = [];
  const send = () => {
    const batch = coder.take();
    if (batch) decoder.decode(batch, (row) => rows.push(row));
  };
  for (const row of table.rows) {
    coder.add(row);
    if (coder.rows === batchRows) send();
  }
  send();
  return { ...table, rows };
}

describe('reading each spelling once gives what reading every cell gives', () => {
  it('the same cases, issues and notes, and so the same figures, on random messy rows', () => {
    fc.assert(
      fc.property(messyRows, (rows) => {
        const table = tableOf(CASE_HEADERS, rows);
        const remembered = importCases(table, framework, { today });
        const plain = importCases(readCellByCell(table), framework, { today });
        expect(remembered).toEqual(plain);
        expect(tallyCases(remembered.cases, framework, period, remembered.absent)).toEqual(tallyCases(plain.cases, framework, period, plain.absent));
      }),
      { numRuns: 150 },
    );
  });

  it('and so does reading each coded value once by its code, as rows from the reader thread come', () => {
    fc.assert(
      fc.property(messyRows, fc.integer({ min: 1, max: 9 }), (rows, batchRows) => {
        const table = tableOf(CASE_HEADERS, rows);
        const byCode = importCases(coded(table, batchRows), framework, { today });
        expect(byCode).toEqual(importCases(readCellByCell(table), framework, { today }));
      }),
      { numRuns: 150 },
    );
  });

  it('an issue beyond its kind\'s limit, placed by row without being made, is placed as the unlimited import lists it', () => {
    fc.assert(
      fc.property(messyRows, fc.integer({ min: 0, max: 3 }), fc.boolean(), (rows, limit, byCode) => {
        const table = tableOf(CASE_HEADERS, rows);
        const read = byCode ? coded(table, 4) : table;
        const every = importCases(read, framework, { today });
        const limited = importCases(read, framework, { today, issueLimit: limit });
        // The first `limit` of each kind in full, in row order; the rest of each kind by row.
        const kind = (i: { code: string; check?: string }) => i.check ?? i.code;
        const seen = new Map<string, number>();
        const kept = every.issues.filter((i) => (seen.set(kind(i), (seen.get(kind(i)) ?? 0) + 1).get(kind(i)) ?? 0) <= limit);
        expect(limited.issues).toEqual(kept);
        const rest = new Map<string, number[]>();
        for (const i of every.issues) if (!kept.includes(i)) rest.set(kind(i), [...(rest.get(kind(i)) ?? []), i.row]);
        expect(new Map(limited.moreIssues.map((m) => [m.check ?? m.code, m.rows]))).toEqual(rest);
        expect({ ...limited, issues: [], moreIssues: [] }).toEqual({ ...every, issues: [], moreIssues: [] });
      }),
      { numRuns: 150 },
    );
  });
});
