import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ColumnsRead, SheetRow } from '../engine/cases/importCases';
import { stopIfAborted, type RunOptions } from '../engine/progress';
import { InputError } from '../errors';
import { RowDecoder } from '../tables/codedRows';
import { readerMessageSchema, type CounterMessage } from './delimitedThreadProtocol';

/**
 * `streamDelimited` on two threads: a worker thread decodes and parses the text while this one counts the rows
 * it has read, so a big export takes about the longer of the two rather than their sum. The same rows reach
 * `begin`'s handler in the same order, with the same numbers and the same problems. Once `columnsRead` tells
 * which columns the handler reads (the import has found its header row), the other columns' values stay on
 * the reading thread: only whether each cell is filled comes across (see `RowCoder.plan`).
 */
export function streamDelimitedInThread(
  open: () => AsyncIterable<Uint8Array>,
  source: string,
  begin: () => (row: SheetRow) => void,
  options: RunOptions & { size?: number; columnsRead?: () => ColumnsRead | null } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Run from the TypeScript sources (the tests), the reader is compiled as it loads, as this module was.
    const typescript = extname(__filename) === '.ts';
    const worker = new Worker(join(__dirname, `delimitedReaderThread${extname(__filename)}`), {
      workerData: { source, size: options.size ?? null },
      ...(typescript ? { execArgv: ['--require', require.resolve('tsx/cjs')] } : {}),
    });
    const send = (message: CounterMessage) => worker.postMessage(message);
    let settled = false;
    const finish = (error: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      closeChunks();
      if (error === null) resolve();
      else reject(error);
    };
    let chunks: AsyncIterator<Uint8Array> | null = null;
    /** Closes the file being read, if any; a fault in closing it changes nothing of what was read. */
    const closeChunks = () => void chunks?.return?.().catch(() => undefined);
    let pass = 0;
    let planned = false;
    let decoder = new RowDecoder();
    let onRow: ((row: SheetRow) => void) | null = null;
    try {
      onRow = begin();
    } catch (e) {
      finish(e);
      return;
    }
    worker.on('error', (e) => finish(e));
    worker.on('message', (data: unknown) => {
      if (settled) return;
      try {
        const message = readerMessageSchema.parse(data);
        switch (message.type) {
          case 'open':
            pass = message.pass;
            // The earlier reading's file is closed (as leaving a for-await loop closes it).
            closeChunks();
            chunks = open()[Symbol.asyncIterator]();
            break;
          case 'pull': {
            // A pull of an earlier reading, left when the file was opened again, is not answered.
            if (message.pass !== pass) break;
            const reading = pass;
            chunks!.next().then(
              (next) => !settled && send({ type: 'chunk', pass: reading, bytes: next.done ? null : next.value }),
              (e: unknown) => finish(e),
            );
            break;
          }
          case 'restart':
            decoder = new RowDecoder();
            onRow = begin();
            planned = false;
            break;
          case 'rows': {
            stopIfAborted(options.signal);
            decoder.decode(message.batch, onRow!);
            send({ type: 'ack' });
            const plan = planned ? null : (options.columnsRead?.() ?? null);
            if (plan) send({ type: 'plan', pass, width: plan.width, read: [...plan.read] });
            planned ||= plan !== null;
            break;
          }
          case 'progress':
            options.onProgress?.('reading', message.read, options.size ?? null);
            break;
          case 'done':
            finish(null);
            break;
          case 'failed':
            finish(message.input ? new InputError(message.message) : new Error(message.message));
            break;
        }
      } catch (e) {
        finish(e);
      }
    });
  });
}
