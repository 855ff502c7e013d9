import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Papa from 'papaparse';
import type { Framework } from '../frameworks/schema';
import { caseImporter, type SheetRow } from '../engine/cases/importCases';
import { dayFromJsDate } from '../engine/cases/dates';
import { repeatsAcrossParts } from '../engine/cases/sharedIds';
import type { IdRows } from '../engine/cases/firstRowOfId';
import type { EventRows } from '../engine/events/eventImport';
import type { FixList } from '../engine/report/fixList';
import { ReturnTally, type TallyOptions } from '../engine/report/returnTally';
import type { TallyReport } from '../engine/report/tallyReport';
import type { Period } from '../engine/tally/period';
import { encodingOf } from '../tables/decodeText';
import { delimitedLayout } from '../tables/delimitedLayout';
import { delimitedRow, refuseMarkup } from '../tables/readDelimited';
import type { PartEncoding } from '../tables/streamDelimited';
import { recordCuts } from '../tables/recordCuts';
import { partMessageSchema, type PartMessage, type PartRequest, type PartSetup } from './tallyPartProtocol';
import type { CliIo } from './io';

/**
 * About 175,000 rows: from here the parts' threads save more than they cost to start (each loads the engine).
 * Measured: at 100,000 rows (18 MB) the parts took 3.3 s against the two-thread reading's 2.7 s; at 300,000
 * rows (54 MB) 5.8 s against 6.8 s.
 */
export const TALLY_IN_PARTS_FROM_BYTES = 32 * 2 ** 20;

/** One thread a core, up to this many: each holds its own remembered values. */
const MOST_THREADS = 4;

/** The threads a big export is tallied on, on this machine: one a core, 1 where there is only one (no parts then). */
export const threadsHere = (): number => Math.min(MOST_THREADS, availableParallelism());


type PartResult = Extract<ReturnType<typeof partMessageSchema.parse>, { type: 'done' }>;

/** Where the export is cut, and how its top reads: what every part needs to read its rows as a whole reading would. */
type Plan = { header: { number: number; cells: (string | null)[] }; parts: Pick<PartSetup, 'start' | 'end' | 'part'>[] };

/**
 * Tallies a big delimited export in parts, one a core: the file is cut at record boundaries, each part is read,
 * imported and counted on a thread of its own, and what the parts found is joined in row order, to the report a
 * reading of the whole file in one pass gives. Null when the file is not to be read so (its top or its quoting
 * reads otherwise than the cut assumed, it is UTF-16, or a part failed): it is then read whole, which also
 * reports any problem of the file as it should be shown.
 */
export async function tallyInParts(
  io: CliIo,
  file: string,
  opened: { size: number; chunks: () => AsyncIterable<Uint8Array> },
  framework: Framework,
  period: Period,
  options: TallyOptions,
  threadCount: number,
  events: readonly EventRows[] = [],
  /** Given every row issue in full, in row order (each part's, listed on its thread). */
  fixList?: FixList,
): Promise<TallyReport | null> {
  const path = io.diskPath?.(file);
  if (path === undefined || threadCount < 2) return null;
  const readSoFar: number[] = [];
  const reportProgress = (part: number, read: number) => {
    readSoFar[part] = read;
    options.onProgress?.('reading', readSoFar.reduce((a, b) => a + b, 0), opened.size);
  };
  // The threads load the engine while the top of the file is read and the cuts are found.
  const threads: Thread[] = [];
  try {
    if (!startThreads(threads, threadCount)) return null;
    // One part a thread. Measured at 1M rows: three parts a thread, taken in turn, cost 9 % more time (each part
    // reads its distinct values afresh), even on an export with the period's cases all at its end.
    let plan = await planParts(opened, file, framework, options, threadCount, 'utf-8');
    if (!plan) return null;
    const today = options.today ?? dayFromJsDate(new Date())!;
    const setupsOf = ({ parts, header }: Plan): PartSetup[] =>
      parts.map((part, i) => ({
        ...part,
        file: path,
        source: file,
        header: i === 0 ? null : header,
        framework: framework as unknown as PartSetup['framework'],
        period,
        today,
        issueLimit: options.issueLimit ?? null,
        everyIssue: fixList !== undefined,
        earlier: null,
      }));
    // Which thread read each part: it is asked for the part's Case IDs if a later part repeats one.
    const readBy: Thread[] = [];
    const told = { notUtf8: false };
    const readAll = (setups: PartSetup[]) =>
      inTurn(threads, setups.length, (thread, i) => {
        readBy[i] = thread;
        return readPart(thread, setups[i]!, (read) => reportProgress(i, read), told);
      });
    let setups = setupsOf(plan);
    let results = await readAll(setups);
    // Bytes further on that are not UTF-8 make the whole reading read the file in the Windows code page: so are the
    // parts, on threads of their own (the others may still be reading).
    if (results === null && told.notUtf8 && plan.parts[0]!.part.encoding === 'utf-8') {
      for (const thread of threads.splice(0)) void thread.worker.terminate();
      readSoFar.length = 0;
      if (!startThreads(threads, threadCount)) return null;
      plan = await planParts(opened, file, framework, options, threadCount, 'windows-1252');
      if (!plan) return null;
      setups = setupsOf(plan);
      results = await readAll(setups);
    }
    if (results === null) return null;
    const { header } = plan;
    // A part with a Case ID of an earlier part counted that row as a case: it is read again knowing the earlier IDs.
    const repeating = repeatsAcrossParts(results.map((r) => r.ids));
    if (repeating.length) {
      const idRows: IdRows[] = [];
      for (let i = 0; i < Math.max(...repeating); i++) {
        const ids = await idsOf(readBy[i]!, setups[i]!.start);
        if (!ids) return null;
        idRows.push(ids);
      }
      const again = await inTurn(threads, repeating.length, (thread, k) => {
        const i = repeating[k]!;
        const earlier = idRows.slice(0, i);
        return readPart(thread, { ...setups[i]!, earlier: { ids: earlier.flatMap((e) => e.ids), rows: earlier.flatMap((e) => e.rows) } }, () => undefined);
      });
      if (!again) return null;
      repeating.forEach((i, k) => (results[i] = again[k]!));
    }
    const tally = new ReturnTally(framework, period, options);
    const importer = caseImporter({ source: file, delimited: true }, framework, options, tally.addCase, { header });
    for (const { imported, tally: counted, fixList: listed } of results) {
      importer.absorb(imported);
      tally.absorb(counted);
      if (listed) fixList?.append(listed);
    }
    options.onProgress?.('reading', opened.size, opened.size);
    const summary = importer.end();
    // Event tables, read already, are counted after the cases, as one pass counts them.
    for (const given of events) tally.feedEvents(given, 'tallying', options);
    return tally.report(summary, file);
  } finally {
    for (const thread of threads) void thread.worker.terminate();
  }
}

/** A part's thread, and when it ended (failed, or stopped): null, as every answer asked of it since. */
type Thread = { worker: Worker; ended: Promise<null> };

function startThread(): Thread {
  // Run from the TypeScript sources (the tests), the thread's module is compiled as it loads, as this one was.
  const typescript = extname(__filename) === '.ts';
  const worker = new Worker(join(__dirname, `tallyPartThread${extname(__filename)}`), typescript ? { execArgv: ['--require', require.resolve('tsx/cjs')] } : {});
  // Listened for from the start: a thread failing while nothing is asked of it (loading) is not thrown here, and one asked after it ended is not waited for.
  const ended = new Promise<null>((resolve) => {
    worker.on('error', () => resolve(null));
    worker.on('exit', () => resolve(null));
  });
  return { worker, ended };
}

/** Asks a part's thread, and waits for its answer (told of the bytes read meanwhile); null when it failed, or stopped without answering (out of memory). */
async function ask({ worker, ended }: Thread, request: PartRequest, onRead: (read: number) => void = () => undefined): Promise<PartMessage | null> {
  let onMessage: (data: unknown) => void = () => undefined;
  const answer = new Promise<PartMessage | null>((resolve) => {
    onMessage = (data) => {
      const parsed = partMessageSchema.safeParse(data);
      if (!parsed.success) resolve(null);
      else if (parsed.data.type === 'progress') onRead(parsed.data.read);
      else resolve(parsed.data);
    };
  });
  worker.on('message', onMessage);
  worker.postMessage(request);
  try {
    return await Promise.race([answer, ended]);
  } finally {
    worker.off('message', onMessage);
  }
}

/**
 * Reads `count` parts on the threads, each thread taking the next part as it finishes one; null as soon as one
 * part is not read apart or fails (the threads stop taking parts).
 */
async function inTurn(threads: readonly Thread[], count: number, read: (thread: Thread, part: number) => Promise<PartResult | null>): Promise<PartResult[] | null> {
  const results: PartResult[] = [];
  let next = 0;
  let failed = false;
  // A part that fails leaves the file to one pass at once: the parts still being read are not waited for (their
  // threads are ended), as a broken quote can make a part read slowly for a long time.
  let failNow = () => undefined as void;
  const failure = new Promise<null>((resolve) => (failNow = () => resolve(null)));
  const all = Promise.all(
    threads.map(async (thread) => {
      while (!failed && next < count) {
        const part = next++;
        const result = await read(thread, part);
        if (result !== null) results[part] = result;
        else {
          failed = true;
          failNow();
        }
      }
    }),
  ).then(() => (failed ? null : results));
  return Promise.race([all, failure]);
}

/** What a thread found in its part; null when the part was not read apart (`told` whether for not being UTF-8), or failed. */
async function readPart(thread: Thread, setup: PartSetup, onRead: (read: number) => void, told: { notUtf8: boolean } = { notUtf8: false }): Promise<PartResult | null> {
  const answer = await ask(thread, { type: 'part', setup }, onRead);
  if (answer?.type === 'apart' && answer.notUtf8) told.notUtf8 = true;
  return answer?.type === 'done' ? answer : null;
}

/** Starts `count` threads into `threads`; false when no more threads are to be had (a limit on them): the file is then read in one pass, and those made are ended. */
function startThreads(threads: Thread[], count: number): boolean {
  try {
    while (threads.length < count) threads.push(startThread());
    return true;
  } catch {
    return false;
  }
}

/** The Case IDs met by the part from byte `start` that `thread` read, with their rows. */
async function idsOf(thread: Thread, start: number): Promise<IdRows | null> {
  const answer = await ask(thread, { type: 'ids', start });
  return answer?.type === 'ids' ? { ids: answer.ids, rows: answer.rows } : null;
}

/**
 * Reads the top of the file as a whole reading would (its first chunk: separator, line break, header row) and
 * finds where to cut it into `parts` of about equal size. Null when the file is not to be cut.
 */
async function planParts(opened: { size: number; chunks: () => AsyncIterable<Uint8Array> }, source: string, framework: Framework, options: TallyOptions, parts: number, encoding: PartEncoding): Promise<Plan | null> {
  let head: Uint8Array | undefined;
  for await (const chunk of opened.chunks()) {
    head = chunk;
    break;
  }
  if (!head || encodingOf(head) !== 'utf-8') return null;
  // A first chunk that is not UTF-8 makes the whole reading read every byte in the Windows code page: so do the parts.
  const utf8 = encoding === 'utf-8' ? decodedOrNull(head) : null;
  const encoded: PartEncoding = utf8 === null ? 'windows-1252' : 'utf-8';
  const text = utf8 ?? new TextDecoder('windows-1252').decode(head, { stream: true });
  try {
    refuseMarkup(text, source);
  } catch {
    return null;
  }
  if (text.includes('\u0000')) return null;
  // Told from the first lines, as the whole reading tells it: a first chunk too short to hold them is not cut.
  const layout = delimitedLayout(text, head.length >= opened.size);
  if (!layout) return null;
  const { body, delimiter } = layout;
  // The line break as the parser guesses it from the same first chunk.
  const newline = new ParserHandle({}).guessLineEndings(body, '"');
  if (newline !== '\n' && newline !== '\r\n') return null;
  const header = headerIn(body, delimiter, newline, source, framework, options);
  if (!header) return null;
  // A "sep=" line is a line of the file but not a row.
  const sepLine = body.length < text.length ? 1 : 0;
  const targets = Array.from({ length: parts - 1 }, (_, k) => Math.floor((opened.size * (k + 1)) / parts));
  const cuts = (await recordCuts(opened.chunks(), { delimiter, newline, targets })).map(({ offset, records }) => ({ offset, rows: records - sepLine }));
  if (cuts.length === 0 || cuts[0]!.rows <= header.number) return null;
  const starts = [{ offset: 0, rows: 0 }, ...cuts];
  return {
    header,
    parts: starts.map((cut, i) => {
      const next = starts[i + 1];
      return { start: cut.offset, end: next?.offset ?? opened.size, part: { delimiter, newline, firstRow: cut.rows + 1, atStart: i === 0, records: next ? next.rows - cut.rows : null, encoding: encoded } };
    }),
  };
}

/** The header row among the rows of the file's first chunk, as the import finds it; null if they do not show it. */
function headerIn(body: string, delimiter: string, newline: '\n' | '\r\n', source: string, framework: Framework, options: TallyOptions): Plan['header'] | null {
  const parsed = Papa.parse<string[]>(body, { delimiter, newline, skipEmptyLines: false });
  // The chunk's last row may be cut off.
  const whole = parsed.data.length - 1;
  if (parsed.errors.some((e) => e.code === 'MissingQuotes' && (e.row ?? whole) < whole)) return null;
  try {
    const finder = caseImporter({ source, delimited: true }, framework, { issueLimit: 0, ...(options.today ? { today: options.today } : {}) }, () => undefined);
    for (let i = 0; i < whole; i++) {
      finder.row(delimitedRow(parsed.data[i]!, i + 1));
      const header = finder.header();
      // A delimited row's cells are texts.
      if (header) return { number: header.number, cells: header.cells as (string | null)[] };
    }
  } catch {
    // The whole reading reports what is wrong with the top of the file.
  }
  return null;
}

/** The bytes as UTF-8 text, or null when they are not UTF-8 (a character cut at their end is left for the next chunk). */
function decodedOrNull(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

/** Papa's parser for one chunk: here only its guess of the line break, as its own reading of the first chunk makes it. */
const ParserHandle = (Papa as unknown as { ParserHandle: new (config: object) => { guessLineEndings(input: string, quoteChar: string): string } }).ParserHandle;
