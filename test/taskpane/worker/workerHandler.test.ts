import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { builtInFramework } from '../../../src/frameworks/load';
import { tallyTable, type TallyReport } from '../../../src/engine/report/tallyReport';
import { periodFromIso } from '../../../src/engine/tally/period';
import type { WorkerReply, WorkerRequest } from '../../../src/taskpane/worker/protocol';
import { workerHandler } from '../../../src/taskpane/worker/workerHandler';
import { XlsxWorkbook } from '../../../src/workbook/xlsxWorkbook';
import { HEADERS, ROWS } from '../../fixtures/handBuiltCases';
import { CASE_ROWS, CONTACT_ROWS, SAFE_SPACES_PERIOD, csvOf } from '../../fixtures/safeSpacesRows';
import { readTable } from '../../../src/tables/readTable';
import { tableOf } from '../../support/tables';

const framework = builtInFramework('cambridgeshire');
const csv = Papa.unparse([HEADERS, ...ROWS.map((row) => HEADERS.map((h) => (row[h] ?? '') as string))]);
const period = { from: '2020-04-01', to: '2020-09-30' };

/** The worker's handler with the page's end played by the test: every reply kept, each request answered in turn. */
function worker(onReply: (reply: WorkerReply, send: (message: unknown) => void) => void = () => undefined) {
  const replies: { reply: WorkerReply; transfer: Transferable[] }[] = [];
  const waiting = new Map<number, (reply: WorkerReply) => void>();
  const handle = workerHandler((reply, transfer = []) => {
    replies.push({ reply, transfer });
    onReply(reply, handle);
    if (reply.type !== 'progress') waiting.get(reply.id)?.(reply);
  });
  let ids = 0;
  const ask = (request: WorkerRequest) => {
    const id = ++ids;
    const answer = new Promise<WorkerReply>((resolve) => waiting.set(id, resolve));
    handle({ type: 'run', id, request });
    return { id, answer };
  };
  const value = async (request: WorkerRequest) => {
    const reply = await ask(request).answer;
    if (reply.type !== 'done') throw new Error(`expected an answer, got ${JSON.stringify(reply)}`);
    return reply.value as never;
  };
  return { handle, ask, value, replies };
}

describe("the page's worker", () => {
  it('fills a new workbook from case text with the tally the engine gives, reporting its stages, and hands the file back as an .xlsx file made in the worker', async () => {
    const w = worker();
    const { session } = await w.value({ op: 'create', name: 'new.xlsx' });
    const report: { figures: Record<string, number | null> } = await w.value({ op: 'fill', session, frameworkId: framework.id, ...period, cases: { kind: 'text', text: csv, name: 'cases.csv' }, events: [], overwrite: false, profile: null });
    expect(report.figures).toEqual(tallyTable(tableOf(HEADERS, ROWS), framework, periodFromIso(period.from, period.to)).figures);
    const stages = w.replies.flatMap(({ reply }) => (reply.type === 'progress' ? [reply.stage] : []));
    expect(stages).toEqual(expect.arrayContaining(['reading', 'writing']));
    expect(await w.value({ op: 'describe', session })).toEqual({ recognised: true, caseSheets: ['Case data', 'Cases'] });

    const file: Blob = await w.value({ op: 'file', session });
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const names = await (await XlsxWorkbook.fromBytes(new Uint8Array(await file.arrayBuffer()), 'back.xlsx')).names();
    expect(names.map((n) => n.name)).toContain('referrals.total');
  }, 120_000);

  it('stops a fill cancelled while it reads the rows, leaving the workbook as it was, and fills it when asked again', async () => {
    let cancelling: number | null = null;
    const w = worker((reply, send) => {
      if (reply.type === 'progress' && reply.id === cancelling) send({ type: 'cancel', id: reply.id });
    });
    const { session } = await w.value({ op: 'create', name: 'new.xlsx' });
    const fill: WorkerRequest = { op: 'fill', session, frameworkId: framework.id, ...period, cases: { kind: 'text', text: csv, name: 'cases.csv' }, events: [], overwrite: false, profile: null };
    cancelling = 2;
    const { id, answer } = w.ask(fill);
    expect(id).toBe(2);
    expect(await answer).toEqual({ type: 'cancelled', id: 2 });
    expect(await w.value({ op: 'describe', session })).toEqual({ recognised: false, caseSheets: [] });

    await w.value(fill);
    expect(await w.value({ op: 'describe', session })).toEqual({ recognised: true, caseSheets: ['Case data', 'Cases'] });
  }, 120_000);

  it('fills with a framework loaded in the page, sent with the step and checked again in the worker', async () => {
    const loaded = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'safe-spaces-kpi.json'), 'utf8')) as { id: string };
    const w = worker();
    const { session } = await w.value({ op: 'create', name: 'new.xlsx' });
    const text = 'Case ID,Referral date,Exit date,Self-referral method,Denomination\nS1,02/04/2024,,Email,Church of England\n';
    const id = 9;
    const answer = new Promise<WorkerReply>((resolve) => {
      const seen = () => w.replies.map((r) => r.reply).find((r) => r.id === id && r.type !== 'progress');
      const poll = () => (seen() ? resolve(seen()!) : setTimeout(poll, 50));
      poll();
    });
    w.handle({ type: 'run', id, frameworks: [loaded], request: { op: 'fill', session, frameworkId: loaded.id, from: '2024-04-01', to: '2025-03-31', cases: { kind: 'text', text, name: 'cases.csv' }, events: [], overwrite: false, profile: null } });
    expect(await answer).toMatchObject({ type: 'done', value: { cases: { rows: 1 } } });
  }, 120_000);

  it('fills the event figures from event rows sent beside the case data, as the command line does with --events, naming each event row issue by its file', async () => {
    const safeSpaces = builtInFramework('safe-spaces');
    const w = worker();
    const { session } = await w.value({ op: 'create', name: 'new.xlsx' });
    const contacts = new TextEncoder().encode(csvOf(CONTACT_ROWS));
    const report: TallyReport = await w.value({
      op: 'fill', session, frameworkId: 'safe-spaces', ...SAFE_SPACES_PERIOD, overwrite: false, profile: null,
      cases: { kind: 'text', text: csvOf(CASE_ROWS), name: 'cases.csv' },
      events: [{ table: 'contacts', source: { kind: 'bytes', bytes: contacts.buffer as ArrayBuffer, name: 'contacts.csv' } }],
    });
    const asCli = tallyTable(await readTable(new TextEncoder().encode(csvOf(CASE_ROWS)), 'cases.csv'), safeSpaces, periodFromIso(SAFE_SPACES_PERIOD.from, SAFE_SPACES_PERIOD.to), {}, [
      { table: 'contacts', rows: await readTable(new TextEncoder().encode(csvOf(CONTACT_ROWS)), 'contacts.csv') },
    ]);
    expect(report.figures).toEqual(asCli.figures);
    expect(report.figures['kpi.k1.weekday_contacts']).toBeGreaterThan(0);
    expect(report.events).toEqual([{ table: 'contacts', source: 'contacts.csv', rows: CONTACT_ROWS.length - 1, notCounted: 2 }]);
    expect(report.rowIssues.filter((i) => i.source === 'contacts.csv').map((i) => [i.code, i.row])).toEqual([['duplicate_event', CONTACT_ROWS.length - 1], ['unknown_case', CONTACT_ROWS.length]]);

    // The workbook holds the contacts the formulas count, and KPI 1 as a live formula over them.
    const file: Blob = await w.value({ op: 'file', session });
    const filled = await XlsxWorkbook.fromBytes(new Uint8Array(await file.arrayBuffer()), 'back.xlsx');
    const kpi1 = (await filled.names()).find((n) => n.name === 'kpi.k1.weekday_contacts')!;
    expect((await filled.formulas([{ sheet: kpi1.sheet, cell: kpi1.range }]))[0]).toMatch(/event\.contacts\./);
  }, 120_000);

  it('drops a fill whose event table is not named as one', () => {
    const w = worker();
    w.handle({ type: 'run', id: 3, request: { op: 'fill', session: 1, frameworkId: 'safe-spaces', ...SAFE_SPACES_PERIOD, overwrite: false, profile: null, cases: null, events: [{ table: 'Contacts!', source: { kind: 'text', text: '', name: 'x' } }] } });
    expect(w.replies.at(-1)!.reply).toMatchObject({ type: 'failed', id: -1, input: false });
  });

  it("says what is wrong with a file in the person's terms, and drops a message that does not fit the protocol", async () => {
    const w = worker();
    const notAWorkbook = new TextEncoder().encode('PK\u0003\u0004 not really a zip');
    const reply = await w.ask({ op: 'open', bytes: notAWorkbook.buffer as ArrayBuffer, name: 'corrupt.xlsx' }).answer;
    expect(reply).toMatchObject({ type: 'failed', input: true, message: expect.stringContaining('corrupt.xlsx') });

    w.handle({ type: 'run', id: 9, request: { op: 'fill', session: 1 } });
    expect(w.replies.at(-1)!.reply).toMatchObject({ type: 'failed', id: -1, input: false });
    expect((await w.ask({ op: 'check', session: 42 }).answer)).toMatchObject({ type: 'failed', input: false, message: 'the worker holds no workbook 42' });
  });
});
