import { builtInFramework } from '../../../src/frameworks/load';
import { periodFromIso } from '../../../src/engine/tally/period';
import type { GivenRows } from '../../../src/taskpane/caseSource';
import { ReturnSession } from '../../../src/taskpane/returnSession';
import { fillInWorker } from '../../../src/taskpane/worker/fillInWorker';
import type { PortMethod } from '../../../src/taskpane/worker/protocol';
import { CELLS_PER_PART, relayPort } from '../../../src/taskpane/worker/relayPort';
import { OfficeWorkbook } from '../../../src/workbook/officeWorkbook';
import type { WorkbookOperation } from '../../../src/workbook/port';
import { CASE_ROWS, CONTACT_ROWS, SAFE_SPACES_PERIOD, tabbedOf } from '../../fixtures/safeSpacesRows';
import { FakeExcel } from '../../support/fakeExcel';
import { workbookContents } from '../../support/workbookContents';

// Jest maps startWorker to the handler run in-process (test/stubs/startWorker.ts): both ends of the messages are real.
const framework = builtInFramework('safe-spaces');
const period = periodFromIso(SAFE_SPACES_PERIOD.from, SAFE_SPACES_PERIOD.to);
const given: GivenRows = {
  cases: { kind: 'text', text: tabbedOf(CASE_ROWS), name: 'the pasted case rows' },
  events: [{ table: 'contacts', source: { kind: 'text', text: tabbedOf(CONTACT_ROWS), name: 'the pasted contacts rows' } }],
};

/** Excel's open workbook with the template inserted, its pane filling here or through a worker. */
async function excelWithTemplate(inWorker: boolean) {
  const excel = new FakeExcel();
  const session = new ReturnSession(new OfficeWorkbook(excel.run), 'this workbook', inWorker ? fillInWorker : undefined);
  await session.insertTemplate(framework, period);
  excel.syncs = 0;
  return { excel, session };
}

describe("Excel's fill with the rows read and counted in a worker", () => {
  it('writes what a fill on the pane’s own thread writes, in as many syncs, reporting its stages', async () => {
    const here = await excelWithTemplate(false);
    const there = await excelWithTemplate(true);
    const expected = await here.session.fill(framework, period, given);
    const stages: string[] = [];
    const report = await there.session.fill(framework, period, given, false, null, { onProgress: (stage) => stages.push(stage) });
    expect(report.figures).toEqual(expected.figures);
    expect(report.rowIssues).toEqual(expected.rowIssues);
    expect(await workbookContents(there.session.port)).toEqual(await workbookContents(here.session.port));
    expect(there.excel.syncs).toBe(here.excel.syncs);
    expect(stages[0]).toBe('reading');
    expect(stages).toContain('writing');
  }, 120_000);

  it('says what is wrong with the workbook in the person’s terms, as read by the page', async () => {
    const there = await excelWithTemplate(true);
    await expect(there.session.fill(framework, period, { cases: null, events: [] })).rejects.toThrow(/Case data/);
  }, 60_000);

  it('cancelled while it reads the rows, leaves the workbook as it was', async () => {
    const there = await excelWithTemplate(true);
    const before = await workbookContents(there.session.port);
    const controller = new AbortController();
    await expect(there.session.fill(framework, period, given, false, null, { signal: controller.signal, onProgress: () => controller.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(await workbookContents(there.session.port)).toEqual(before);
  }, 60_000);
});

describe('the workbook of the page as the worker uses it', () => {
  it('sends an apply in parts of at most CELLS_PER_PART cells, a long write split by rows further down its column', async () => {
    const calls: { method: PortMethod; operations: WorkbookOperation[]; more: boolean }[] = [];
    const port = relayPort(async (method, args, more) => void calls.push({ method, operations: args[0] as WorkbookOperation[], more }));
    const rows = Array.from({ length: 50_000 }, (_, i) => [i, `row ${i}`]);
    const spool = port.rowSpool();
    rows.forEach((row, i) => spool.add(i + 2, row));
    await port.apply([{ op: 'addSheet', sheet: 'Cases' }, { op: 'writeSpool', sheet: 'Cases', spool }, { op: 'protect', sheet: 'Cases' }]);

    // The sheet, five parts of 10,000 rows of two cells, and the protection: only the last part is answered.
    expect(calls.map((c) => [c.method, c.more])).toEqual([...Array.from({ length: 6 }, () => ['apply', true]), ['apply', false]]);
    const cellsOf = (ops: WorkbookOperation[]) => ops.reduce((n, op) => n + (op.op === 'write' ? op.rows.length * 2 : 1), 0);
    expect(calls.every((c) => cellsOf(c.operations) <= CELLS_PER_PART)).toBe(true);
    const all = calls.flatMap((c) => c.operations);
    expect(all[0]).toEqual({ op: 'addSheet', sheet: 'Cases' });
    expect(all.at(-1)).toEqual({ op: 'protect', sheet: 'Cases' });
    const writes = all.filter((op) => op.op === 'write');
    expect(writes.map((w) => w.at).slice(0, 3)).toEqual(['A2', `A${2 + CELLS_PER_PART / 2}`, `A${2 + CELLS_PER_PART}`]);
    expect(writes.flatMap((w) => w.rows)).toEqual(rows);
  });
});
