import fc from 'fast-check';
import { builtInFramework } from '../../../src/frameworks/load';
import { dayFromIso } from '../../../src/engine/cases/dates';
import { caseImporter, importCases, type SheetRow } from '../../../src/engine/cases/importCases';
import { repeatsAcrossParts } from '../../../src/engine/cases/sharedIds';
import { caseIdKey } from '../../../src/engine/cases/textKey';
import type { IdRows } from '../../../src/engine/cases/firstRowOfId';
import { CASE_HEADERS, validCaseRow } from '../../support/randomCases';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');
const today = dayFromIso('2021-01-15')!;

/** What messy exports put in any column, as the read-once test has it, and a repeated header row. */
const MESSY = ['', ' ', 'Not known', '#N/A', '\u00a0Yes\u200b', 'Y', 'no', '3', '-1', '34', '65+', '2020-05-01', '2020-02-30', '01/05/2020', '13/05/2020',
  '05/13/2020', '01/05/2020 09:30', '2099-01-01', '1 May 2020', 'Police', 'Theft', 'Female', 'Better informed', 'Health and wellbeing; Housing'];
const messyCell = fc.oneof({ arbitrary: fc.constantFrom(...MESSY), weight: 6 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 });
const messyRow = fc.tuple(validCaseRow, fc.dictionary(fc.constantFrom(...CASE_HEADERS), messyCell, { maxKeys: 6 })).map(([row, messy]) => ({ ...row, ...messy }));
/** Case IDs unique but for a few repeats, some near, some far (in another part), in another case ("c1" for "C1"). */
const messyRows = fc.tuple(fc.array(messyRow, { minLength: 2, maxLength: 50 }), fc.array(fc.nat(), { maxLength: 3 })).map(([rows, repeats]) =>
  rows.map((r, i) => ({ ...r, 'Case ID': repeats.some((n) => i > 0 && n % rows.length === i) ? `c${(i * 7) % i}` : `C${i}` })),
);

/** The rows of a sheet cut into parts at the given places (each at least one row after the header row). */
function partsOf(rows: SheetRow[], cuts: number[]): SheetRow[][] {
  const at = [...new Set(cuts.map((c) => 1 + (c % (rows.length - 1))))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => rows.slice(start, at[i] ?? rows.length));
}

describe('an import read in parts and joined gives what one reading of every row gives', () => {
  it('the same issues (to the limit of each kind, the rest by row), notes, rows and rows not counted, a part repeating an earlier part’s Case ID read again knowing them', () => {
    fc.assert(
      fc.property(messyRows, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fc.option(fc.nat({ max: 3 }), { nil: undefined }), fc.boolean(), (rows, cuts, issueLimit, repeatHeader) => {
        const table = tableOf(CASE_HEADERS, rows);
        // A report printed page by page repeats its header row, and has a totals row at its foot.
        if (repeatHeader) {
          table.rows.splice(Math.floor(table.rows.length / 2), 0, { number: 0, cells: [...CASE_HEADERS] });
          table.rows.push({ number: 0, cells: CASE_HEADERS.map((h) => (h === 'Case ID' ? 'Total' : null)) });
        }
        table.rows.forEach((row, i) => (row.number = i + 1));
        const options = { today, ...(issueLimit === undefined ? {} : { issueLimit }) };
        const whole = importCases(table, framework, options);

        const sheet = { source: table.source };
        const cut = partsOf(table.rows, cuts);
        const read = (partRows: SheetRow[], i: number, earlier?: IdRows) => {
          const importer = caseImporter(sheet, framework, options, () => undefined, i === 0 ? {} : { header: table.rows[0]!, ...(earlier ? { earlier } : {}) });
          for (const row of partRows) importer.row(row);
          return importer;
        };
        const parts = cut.map((partRows, i) => read(partRows, i));
        // As a thread sends it.
        const sent = parts.map((importer) => structuredClone({ part: importer.part(), ids: importer.idFingerprints(), idRows: importer.idRows() }));
        const keys = cut.map((partRows, i) => new Set(partRows.slice(i === 0 ? 1 : 0).map((r) => caseIdKey(String(r.cells[0] ?? ''))).filter((id) => id !== '')));
        const across = keys.flatMap((ids, i) => (keys.slice(0, i).some((earlier) => [...ids].some((id) => earlier.has(id))) ? [i] : []));
        const repeating = repeatsAcrossParts(sent.map((s) => s.ids));
        expect(repeating).toEqual(across);
        // A part repeating an earlier part's Case ID is read again knowing the earlier parts' IDs.
        const final = sent.map(({ part }, i) => {
          if (!repeating.includes(i)) return part;
          const earlier = sent.slice(0, i).map((s) => s.idRows);
          return read(cut[i]!, i, { ids: earlier.flatMap((e) => e.ids), rows: earlier.flatMap((e) => e.rows) }).part();
        });

        const joined = caseImporter(sheet, framework, options, () => undefined, { header: table.rows[0]! });
        for (const part of final) joined.absorb(part);
        const { cases: _cases, ...summary } = whole;
        expect(joined.end()).toEqual(summary);
      }),
      { numRuns: 200 },
    );
  });
});
