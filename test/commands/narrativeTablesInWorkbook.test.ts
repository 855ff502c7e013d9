import { checkWorkbook } from '../../src/commands/checkWorkbook';
import { consolidateReturns } from '../../src/commands/consolidateReturns';
import { publishReturn } from '../../src/commands/publishReturn';
import { readReturn } from '../../src/commands/readReturn';
import { returnSheets } from '../../src/commands/returnLayout';
import { returnFromJson } from '../../src/engine/checks/returnFromJson';
import { InputError } from '../../src/errors';
import { tableName } from '../../src/frameworks/narrativeTables';
import { builtInFramework } from '../../src/frameworks/load';
import { parseCell, parseRange } from '../../src/workbook/addresses';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';

jest.setTimeout(120_000);
const framework = builtInFramework('safe-spaces');

/** A Safe Spaces template with rows typed into its tables: row i of `rows[id]` into the table's row i. */
async function templateWith(rows: Record<string, (string | number | null)[][]>): Promise<XlsxWorkbook> {
  const workbook = XlsxWorkbook.create();
  await workbook.apply(returnSheets(framework, () => null, { period: { from: new Date(Date.UTC(2024, 6, 1)), to: new Date(Date.UTC(2024, 8, 30)) } }).operations);
  const names = new Map((await workbook.names()).map((n) => [n.name, n]));
  await workbook.apply(Object.entries(rows).map(([id, typed]) => ({ op: 'write' as const, sheet: names.get(tableName(id))!.sheet, at: names.get(tableName(id))!.range.split(':')[0]!, rows: typed })));
  return workbook;
}

describe('a typed-in table in a return', () => {
  it('is laid out under a header row of its columns, its rows named table.<id>, open-ended tables offering 5 rows', async () => {
    const workbook = await templateWith({});
    const place = (await workbook.names()).find((n) => n.name === tableName('grant_payments'))!;
    const { top, bottom, left, right } = parseRange(place.range);
    expect([bottom - top + 1, right - left + 1]).toEqual([5, 4]);
    const [header] = await workbook.read([{ sheet: place.sheet, range: `A${top - 1}:D${top - 1}` }]);
    expect(header![0]).toEqual(['Community group', 'Amount', 'Date paid', 'England or Wales']);
  });

  it('is read back, each cell as its kind, and a half-filled row or a value of the wrong kind is a finding naming the cell', async () => {
    const workbook = await templateWith({
      case_studies: [['Weekly calls over three months', 'Counselling', 'Feels able to go back to church'], ['Advocacy with the diocese', null, null]],
      grant_payments: [['Hope Trust', '£4,500', '03/07/2024', 'England'], ['Survivors Cymru', 'five thousand', '31/06/2024', 'Wales']],
    });
    const { read, findings } = await checkWorkbook(workbook, 'safe-spaces-q2.xlsx');
    expect(read.data.tables!.grant_payments!.map((r) => Object.values(r.cells).map((c) => c.value))).toEqual([['Hope Trust', 4500, '3 Jul 2024', 'England'], ['Survivors Cymru', 'five thousand', '31/06/2024', 'Wales']]);
    const place = (await workbook.names()).find((n) => n.name === tableName('case_studies'))!;
    const top = parseCell(place.range.split(':')[0]!).row;
    const byRule = (rule: string) => findings.filter((f) => f.rule === rule);
    expect(byRule('case_studies_complete').map((f) => f.cells)).toEqual([[`${place.sheet}!B${top + 1}`, `${place.sheet}!C${top + 1}`]]);
    expect(byRule('grant_payments_complete')[0]!.message).toMatch(/row 2 \(a grant payment\) is not complete: Amount holds "five thousand", which is not an amount of money \(Narrative!B\d+\); Date paid holds "31\/06\/2024", which is not a real date/);
    expect(byRule('case_study_given')).toEqual([]);
    expect(byRule('engagement_event_given').map((f) => f.message)).toEqual(['No engagement event is given; the return asks for at least 1.']);
  });

  it('is given in a figures file by column key, a table or column the framework lacks refused by name', () => {
    const file = (tables: unknown) => JSON.stringify({ framework: 'safe-spaces', figures: {}, tables });
    const data = returnFromJson(file({ case_studies: [{ support: 'Calls', services: 'Counselling', difference: null }] }), 'q.json');
    expect(data.tables!.case_studies!.map((r) => r.cells.difference)).toEqual([{ value: null, problem: null }]);
    expect(() => returnFromJson(file({ case_study: [] }), 'q.json')).toThrow(new InputError('q.json: tables.case_study is not a table of the Safe Spaces quarterly KPI report. Did you mean "case_studies"? Use one of the tables of the framework: "case_studies", "grant_payments", "engagement_events".'));
    expect(() => returnFromJson(file({ case_studies: [{ story: 'Calls' }] }), 'q.json')).toThrow(/tables\.case_studies\[0\] has a column "story" the table does not have/);
  });

  it('is blanked in the copy published, and left out of a consolidation saying so', async () => {
    const typed = { case_studies: [['Weekly calls', 'Counselling', 'Feels safe']], grant_payments: [['Hope Trust', 4500, '03/07/2024', 'England']] };
    const published = await templateWith(typed);
    await publishReturn(published, 'q.xlsx', 'under5');
    expect((await readReturn(published, 'published.xlsx')).data.tables).toEqual({ case_studies: [], grant_payments: [], engagement_events: [] });

    const providers = await Promise.all(['North', 'South'].map(async (name) => ({ file: `${name}.xlsx`, name, data: (await readReturn(await templateWith(name === 'North' ? typed : {}), `${name}.xlsx`)).data })));
    const { findings, data } = await consolidateReturns(providers, { source: 'all.xlsx' });
    expect(data.tables).toBeUndefined();
    expect(findings.filter((f) => f.code === 'tables_not_consolidated').map((f) => f.message)).toEqual([
      'KPI 34: anonymised case studies (at least one a quarter) (rows given: North 1, South 0); KPI 39–41: small-grant payments made in the quarter (rows given: North 1, South 0); KPI 44 and 48: engagement events and activities in the quarter (rows given: North 0, South 0) are left blank in the consolidated return: each provider\'s rows are its own items, not figures that add up.',
    ]);
  });
});
