import { builtInFramework } from '../../src/frameworks/load';
import { periodFromIso } from '../../src/engine/tally/period';
import { ReturnSession } from '../../src/taskpane/returnSession';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../fixtures/handBuiltCases';
import * as templateB from '../fixtures/templates/templateB';
import { tableOf } from '../support/tables';

const framework = builtInFramework('cambridgeshire');
const cases = tableOf(HEADERS, ROWS);

describe("the pane's session on a commissioner's template", () => {
  it('checks and fills through a mapping not yet saved, which the fill then writes into the workbook', async () => {
    const session = new ReturnSession(await XlsxWorkbook.fromBytes(await templateB.build(), 'templateB.xlsx'), 'templateB.xlsx');
    expect(await session.recognised()).toBe(false);
    await expect(session.check()).rejects.toThrow(/does not say which return it is/);

    const proposal = await session.map(framework);
    expect(await session.recognised()).toBe(true);
    const checked = await session.check();
    // Read through the mapping: the findings name the commissioner's cells.
    expect(checked.findings.flatMap((f) => f.cells).some((cell) => cell.startsWith("'Section A'!D"))).toBe(true);

    await session.fill(framework, periodFromIso('2020-04-01', '2020-09-30'), { cases });
    const names = new Map((await session.port.names()).map((n) => [n.name, n]));
    expect(names.get('return.framework')).toBeDefined();
    expect(names.get('referrals.total')).toMatchObject({ sheet: 'Section A', range: proposal.mapping.cells['referrals.total']!.replace(/^.*!/, '') });
  }, 120_000);

  it('refuses to save a mapping that would write over a label, and writes nothing', async () => {
    const session = new ReturnSession(await XlsxWorkbook.fromBytes(await templateB.build(), 'templateB.xlsx'), 'templateB.xlsx');
    const { mapping } = await session.map(framework);
    await expect(session.saveMapping({ ...mapping, cells: { ...mapping.cells, 'caseload_end.total': "'Section A'!B10" } }, framework)).rejects.toThrow(
      /caseload_end\.total: 'Section A'!B10 holds the label "Open cases b\/f at start of period/,
    );
    expect((await session.port.names()).some((n) => n.name === 'return.framework')).toBe(false);
  }, 120_000);
});
