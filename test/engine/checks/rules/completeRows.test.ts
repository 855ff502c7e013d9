import { tableRows } from '../../../../src/engine/checks/narrativeTableRows';
import { runChecks } from '../../../../src/engine/checks/runChecks';
import { periodFromIso } from '../../../../src/engine/tally/period';
import { builtInFramework } from '../../../../src/frameworks/load';

const framework = builtInFramework('safe-spaces');
const spec = (id: string) => framework.tables.find((t) => t.id === id)!;
const at = (i: number, j: number) => `Narrative!${String.fromCharCode(65 + j)}${50 + i}`;
const check = (tables: Record<string, unknown[][]>) =>
  runChecks({
    source: 'q.xlsx',
    framework,
    period: periodFromIso('2024-07-01', '2024-09-30'),
    values: {},
    cells: {},
    lists: {},
    tables: Object.fromEntries(Object.entries(tables).map(([id, rows]) => [id, tableRows(spec(id), rows, at)])),
  });

describe('complete_rows and at_least_one over typed-in tables', () => {
  it('reports a half-filled row, naming each blank or wrong cell, and passes complete ones', () => {
    const findings = check({
      case_studies: [['Weekly calls', 'Counselling', 'Feels safe at church again'], ['Advocacy', null, '  ']],
      grant_payments: [['Hope Trust', 'lots', '03/07/2024', 'Wales']],
      engagement_events: [['12/08/2024', 'Survivors\' panel', null]],
    });
    const complete = findings.filter((f) => f.code === 'complete_rows');
    expect(complete.map((f) => [f.rule, f.cells, f.message])).toEqual([
      ['case_studies_complete', ['Narrative!B51', 'Narrative!C51'], 'KPI 34: anonymised case studies (at least one a quarter), row 2 (a case study) is not complete: Services received as an outcome is blank (Narrative!B51); Difference it has made to them is blank (Narrative!C51).'],
      ['grant_payments_complete', ['Narrative!B50'], 'KPI 39–41: small-grant payments made in the quarter, row 1 (a grant payment) is not complete: Amount holds "lots", which is not an amount of money (Narrative!B50).'],
    ]);
    expect(findings.filter((f) => f.code === 'at_least_one')).toEqual([]);
  });

  it('asks for a case study and an engagement event when the tables are empty, and judges no table the return lacks', () => {
    expect(check({ case_studies: [[null, null, null]], engagement_events: [] }).filter((f) => f.code === 'at_least_one').map((f) => f.rule)).toEqual(['case_study_given', 'engagement_event_given']);
    expect(check({}).filter((f) => f.code === 'at_least_one' || f.code === 'complete_rows')).toEqual([]);
  });
});
