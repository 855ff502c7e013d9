import type { Stage } from '../../engine/progress';
import { periodFromIso } from '../../engine/tally/period';
import { InputError } from '../../errors';
import { parseFramework } from '../../frameworks/load';
import { paneFramework, rememberFramework } from '../paneFrameworks';
import { XlsxWorkbook } from '../../workbook/xlsxWorkbook';
import { caseRowCount, caseTableOf } from '../caseSource';
import { ReturnSession } from '../returnSession';
import { pageMessageSchema, type PortMethod, type WorkerReply, type WorkerRequest, type WorkerResults } from './protocol';
import { relayPort } from './relayPort';
import { stoppablePort } from './stoppablePort';
import { tallyForThePage } from './tallyForThePage';

/** The media type of an .xlsx file, given to the browser with a download. */
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a reply to the page, handing over (not copying) the buffers listed. */
export type PostReply = (reply: WorkerReply, transfer?: Transferable[]) => void;

interface Held {
  session: ReturnSession;
  workbook: XlsxWorkbook;
}

/**
 * The worker's side of the protocol, as a function of each message the page sends: it holds the workbooks
 * opened in it, runs one step at a time in the order asked, reports each step's stage, and stops a step whose
 * cancel arrives (at the step's next workbook call; nothing is written after it).
 */
export function workerHandler(post: PostReply): (message: unknown) => void {
  const held = new Map<number, Held>();
  const running = new Map<number, AbortController>();
  let sessions = 0;
  let current: AbortSignal | undefined;
  let queue = Promise.resolve();
  /** Workbook calls of `fillThrough` steps waiting for the page's answer, by call number. */
  const calls = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  let callNumbers = 0;
  const portCall = (id: number) => (method: PortMethod, args: unknown[], more: boolean) => {
    const call = ++callNumbers;
    post({ type: 'port', id, call, method, args, more });
    // A part of an `apply` with more to come gets no answer: the last part's answer is the whole apply's.
    return more ? Promise.resolve() : new Promise((resolve, reject) => calls.set(call, { resolve, reject }));
  };

  const hold = (workbook: XlsxWorkbook, name: string) => {
    const id = ++sessions;
    held.set(id, { workbook, session: new ReturnSession(stoppablePort(workbook, () => current), name) });
    return { session: id };
  };
  const find = (id: number): Held => {
    const found = held.get(id);
    // The page only names workbooks it was given: a missing one is a fault, not the person's doing.
    if (!found) throw new Error(`the worker holds no workbook ${id}`);
    return found;
  };

  async function run(id: number, request: WorkerRequest, progress: (stage: Stage, done: number, total: number | null) => void, signal: AbortSignal): Promise<{ value: WorkerResults[WorkerRequest['op']]; transfer?: Transferable[] }> {
    const options = { signal, onProgress: progress };
    switch (request.op) {
      case 'open':
        progress('reading', 0, null);
        return { value: hold(await XlsxWorkbook.fromBytes(new Uint8Array(request.bytes), request.name), request.name) };
      case 'create':
        return { value: hold(XlsxWorkbook.create(), request.name) };
      case 'countCases':
        progress('reading', 0, null);
        return { value: { rows: caseRowCount(await caseTableOf(request.cases)) } };
      case 'describe': {
        const { session } = find(request.session);
        return { value: { recognised: await session.recognised(), caseSheets: await session.caseSheets() } };
      }
      case 'fill':
        progress('reading', 0, null);
        return { value: tallyForThePage(await find(request.session).session.fill(paneFramework(request.frameworkId), periodFromIso(request.from, request.to), { cases: request.cases, events: request.events }, request.overwrite, request.profile, options)) };
      case 'check':
        progress('checking', 0, null);
        return { value: await find(request.session).session.check() };
      case 'writeFindings':
        progress('checking', 0, null);
        return { value: await find(request.session).session.writeFindings(new Map(request.explanations)) };
      case 'map':
        progress('reading', 0, null);
        return { value: await find(request.session).session.map(paneFramework(request.frameworkId), request.previous) };
      case 'useMapping':
        find(request.session).session.useMapping(request.mapping);
        return { value: null };
      case 'saveMapping':
        progress('writing', 0, null);
        await find(request.session).session.saveMapping(request.mapping, paneFramework(request.frameworkId));
        return { value: null };
      case 'copy': {
        progress('writing', 0, null);
        const { workbook, session } = find(request.session);
        const bytes = await workbook.toBytes();
        signal.throwIfAborted();
        return { value: hold(await XlsxWorkbook.fromBytes(bytes, session.name), session.name) };
      }
      case 'prepareSubmission':
        progress('writing', 0, null);
        return { value: await find(request.session).session.prepareSubmission() };
      case 'file': {
        progress('writing', 0, null);
        const bytes = await find(request.session).workbook.toBytes();
        signal.throwIfAborted();
        // Made here: a Blob copies its bytes as it is made, which on the page's thread would hold it for a big workbook.
        return { value: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_TYPE }) };
      }
      case 'release':
        held.delete(request.session);
        return { value: null };
      case 'fillThrough': {
        progress('reading', 0, null);
        const session = new ReturnSession(stoppablePort(relayPort(portCall(id)), () => current), request.name);
        if (request.mapping) session.useMapping(request.mapping);
        const given = { cases: request.cases, events: request.events };
        return { value: tallyForThePage(await session.fill(paneFramework(request.frameworkId), periodFromIso(request.from, request.to), given, request.overwrite, request.profile, options)) };
      }
    }
  }

  async function step(id: number, request: WorkerRequest, controller: AbortController): Promise<void> {
    current = controller.signal;
    try {
      controller.signal.throwIfAborted();
      const { value, transfer } = await run(id, request, (stage, done, total) => post({ type: 'progress', id, stage, done, total }), controller.signal);
      post({ type: 'done', id, value }, transfer);
    } catch (e) {
      if (controller.signal.aborted) post({ type: 'cancelled', id });
      else post({ type: 'failed', id, message: (e as Error).message, input: e instanceof InputError });
    } finally {
      running.delete(id);
      current = undefined;
    }
  }

  return (message) => {
    const parsed = pageMessageSchema.safeParse(message);
    // Only this page's own code talks to the worker: a message that does not fit is dropped, and said so.
    if (!parsed.success) return post({ type: 'failed', id: -1, message: `the worker was sent a message it does not understand: ${parsed.error.issues[0]?.message ?? ''}`, input: false });
    const m = parsed.data;
    if (m.type === 'cancel') return running.get(m.id)?.abort();
    if (m.type === 'portAnswer' || m.type === 'portFailed') {
      const waiting = calls.get(m.call);
      calls.delete(m.call);
      return m.type === 'portAnswer' ? waiting?.resolve(m.value) : waiting?.reject(m.input ? new InputError(m.message) : new Error(m.message));
    }
    for (const framework of m.frameworks) rememberFramework(parseFramework(framework, 'a framework loaded in the page'));
    const controller = new AbortController();
    running.set(m.id, controller);
    queue = queue.then(() => step(m.id, m.request, controller));
  };
}
