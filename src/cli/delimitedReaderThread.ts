import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors';
import { RowCoder } from '../tables/codedRows';
import { streamDelimited } from '../tables/streamDelimited';
import { counterMessageSchema, readerSetupSchema, type ReaderMessage } from './delimitedThreadProtocol';

/**
 * The thread that reads a delimited export for `streamDelimitedInThread`: decoding and parsing the text (as
 * `streamDelimited` does in one thread) while the other thread counts the rows already read.
 */

/** Rows in a batch, and batches sent but not yet counted: enough to keep both threads busy, little held. */
const BATCH_ROWS = 4096;
const AHEAD = 4;

const port = parentPort!;
const { source, size } = readerSetupSchema.parse(workerData);
const send = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let pass = 0;
let chunkWaiting: ((bytes: Uint8Array | null) => void) | null = null;
let ackWaiting: (() => void) | null = null;
let unacknowledged = 0;
port.on('message', (data: unknown) => {
  const message = counterMessageSchema.parse(data);
  // A chunk or a plan of an earlier reading (the file is being read again) is not this reading's.
  if (message.type === 'chunk') {
    if (message.pass === pass) chunkWaiting?.(message.bytes);
  } else if (message.type === 'plan') {
    if (message.pass === pass) coder.plan(message);
  } else {
    unacknowledged--;
    ackWaiting?.();
  }
});

const pull = (): Promise<Uint8Array | null> =>
  new Promise((resolve) => {
    chunkWaiting = resolve;
    send({ type: 'pull', pass });
  });

async function* fileChunks(): AsyncIterable<Uint8Array> {
  send({ type: 'open', pass: ++pass });
  let next = pull();
  for (;;) {
    const bytes = await next;
    if (bytes === null) return;
    // The chunk after is asked for while this one is parsed: the other thread answers between the batches it counts.
    next = pull();
    while (unacknowledged >= AHEAD) await new Promise<void>((resolve) => (ackWaiting = resolve));
    yield bytes;
  }
}

let coder = new RowCoder();
const sendRows = () => {
  const batch = coder.take();
  if (!batch) return;
  unacknowledged++;
  send({ type: 'rows', batch }, [batch.numbers.buffer, batch.ends.buffer, batch.codes.buffer]);
};

let passes = 0;
streamDelimited(
  fileChunks,
  source,
  () => {
    if (passes++ > 0) {
      coder = new RowCoder();
      send({ type: 'restart' });
    }
    return (row) => {
      coder.add(row);
      if (coder.rows >= BATCH_ROWS) sendRows();
    };
  },
  { size: size ?? undefined, onProgress: (_stage, read) => send({ type: 'progress', read }) },
).then(
  () => {
    sendRows();
    send({ type: 'done' });
  },
  (e: unknown) => send({ type: 'failed', message: e instanceof Error ? e.message : String(e), input: e instanceof InputError }),
);
