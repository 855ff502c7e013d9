import Papa from 'papaparse';
import { builtInFramework } from '../../../src/frameworks/load';
import { periodFromIso } from '../../../src/engine/tally/period';
import type { CaseSource } from '../../../src/taskpane/caseSource';
import { RemoteSession } from '../../../src/taskpane/worker/remoteSession';
import { HEADERS, ROWS } from '../../fixtures/handBuiltCases';

// Jest maps startWorker to the handler run in-process (test/stubs/startWorker.ts): the page's side is real.
const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const cases: CaseSource = { kind: 'text', text: Papa.unparse([HEADERS, ...ROWS.map((row) => HEADERS.map((h) => (row[h] ?? '') as string))]), name: 'cases.csv' };

/** A signal aborted as soon as the step reports its first stage. */
function cancelAtFirstStage() {
  const controller = new AbortController();
  return { signal: controller.signal, onProgress: () => controller.abort() };
}

describe('a workbook held in the page’s worker', () => {
  it('counts case rows, fills, and describes the filled workbook', async () => {
    expect(await RemoteSession.countCases(cases)).toBe(ROWS.length);
    const session = await RemoteSession.create('new.xlsx');
    const stages: string[] = [];
    const report = await session.fill(framework, period, { cases, events: [] }, false, null, { onProgress: (stage) => stages.push(stage) });
    expect(report.cases?.rows).toBe(ROWS.length);
    expect(stages[0]).toBe('reading');
    expect(await session.caseSheets()).toEqual(['Case data', 'Cases']);
    session.release();
  }, 60_000);

  it('ends the worker of a workbook not yet kept when its step is cancelled, and then refuses further steps', async () => {
    const session = await RemoteSession.create('new.xlsx');
    await expect(session.fill(framework, period, { cases, events: [] }, false, null, cancelAtFirstStage())).rejects.toMatchObject({ name: 'AbortError' });
    await expect(session.recognised()).rejects.toThrow('the workbook was let go');
  }, 60_000);

  it('asks the worker of a kept workbook to stop a cancelled step: the workbook is as it was and still works', async () => {
    const session = await RemoteSession.create('new.xlsx');
    session.keep();
    await expect(session.fill(framework, period, { cases, events: [] }, false, null, cancelAtFirstStage())).rejects.toMatchObject({ name: 'AbortError' });
    expect(await session.recognised()).toBe(false);
    await session.fill(framework, period, { cases, events: [] });
    expect(await session.recognised()).toBe(true);
    const copy = await session.copy();
    expect((await copy.file()).size).toBeGreaterThan(0);
    copy.release();
    session.release();
  }, 60_000);
});
