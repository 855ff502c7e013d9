import type { RunOptions } from '../../engine/progress';
import { InputError } from '../../errors';
import { loadedFrameworks } from '../paneFrameworks';
import { workerReplySchema, type ResultOf, type WorkerReply, type WorkerRequest } from './protocol';
import { startWorker } from './startWorker';
import type { WorkerLike } from './workerLike';
import type { WorkbookOperation, WorkbookPort } from '../../workbook/port';

/** How a cancelled step ends on the page: its promise rejects with this. */
export const cancelled = () => new DOMException('The step was cancelled.', 'AbortError');

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress: RunOptions['onProgress'];
  /** The workbook a `fillThrough` step reads and writes through the page, and the parts of an apply received so far. */
  port?: WorkbookPort;
  applying: WorkbookOperation[];
}

/**
 * The page's end of one worker: each request gets its answer, its progress and its cancel. While the worker
 * holds nothing the page has kept (`fresh`), a cancel ends the worker at once, mid-computation; after that it
 * asks the worker to stop, which it does at the step's next workbook call.
 */
export class WorkerClient {
  private worker: WorkerLike | null = startWorker();
  private pending = new Map<number, Pending>();
  private nextId = 1;
  fresh = true;

  constructor() {
    this.worker!.onmessage = (event) => this.receive(event.data);
    this.worker!.onerror = (event) => this.failAll(new Error(`the page's worker stopped (${event.message ?? 'it could not start'})`));
  }

  request<R extends WorkerRequest>(request: R, options: RunOptions = {}, transfer: Transferable[] = [], port?: WorkbookPort): Promise<ResultOf<R>> {
    return new Promise((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) return reject(cancelled());
      if (!this.worker) return reject(new Error('the workbook was let go'));
      const id = this.nextId++;
      const onAbort = () => (this.fresh ? this.end() : this.worker?.postMessage({ type: 'cancel', id }, []));
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = () => (this.pending.delete(id), signal?.removeEventListener('abort', onAbort));
      this.pending.set(id, {
        resolve: (value) => (settle(), resolve(value as ResultOf<R>)),
        reject: (error) => (settle(), reject(error)),
        onProgress: options.onProgress,
        ...(port ? { port } : {}),
        applying: [],
      });
      this.worker.postMessage({ type: 'run', id, request, frameworks: loadedFrameworks() }, transfer);
    });
  }

  /** Ends the worker and whatever it holds; steps still under way end as cancelled. */
  end(): void {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(cancelled());
  }

  /**
   * Makes a step's workbook call on the page's workbook and answers the worker. Once the writes begin, a cancel no
   * longer ends the worker: they are applied whole, as one change, and the step ends as done.
   */
  private async portCall(reply: Extract<WorkerReply, { type: 'port' }>, pending: Pending): Promise<void> {
    const { id, call, method, args, more } = reply;
    if (method === 'apply') {
      pending.applying.push(...(args[0] as WorkbookOperation[]));
      if (more) return;
      this.fresh = false;
    }
    try {
      if (!pending.port) throw new Error('the step has no workbook to read or write');
      const value = method === 'apply' ? await pending.port.apply(pending.applying.splice(0)) : await (pending.port[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      this.worker?.postMessage({ type: 'portAnswer', id, call, value: value ?? null }, []);
    } catch (e) {
      this.worker?.postMessage({ type: 'portFailed', id, call, message: (e as Error).message, input: e instanceof InputError }, []);
    }
  }

  private failAll(error: Error): void {
    for (const pending of [...this.pending.values()]) pending.reject(error);
  }

  private receive(data: unknown): void {
    const parsed = workerReplySchema.safeParse(data);
    if (!parsed.success) return this.failAll(new Error('the page’s worker answered with something it should not'));
    const reply: WorkerReply = parsed.data;
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === 'progress') pending.onProgress?.(reply.stage, reply.done, reply.total);
    else if (reply.type === 'port') void this.portCall(reply, pending);
    else if (reply.type === 'done') pending.resolve(reply.value);
    else if (reply.type === 'cancelled') pending.reject(cancelled());
    else pending.reject(reply.input ? new InputError(reply.message) : new Error(reply.message));
  }
}
