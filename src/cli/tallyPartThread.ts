import { createReadStream } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { InputError } from '../errors';
import type { Framework } from '../frameworks/schema';
import { caseImporter } from '../engine/cases/importCases';
import type { IdRows } from '../engine/cases/firstRowOfId';
import type { RowIssue } from '../engine/cases/rowIssues';
import { FixList } from '../engine/report/fixList';
import { ReturnTally } from '../engine/report/returnTally';
import { PartNotApart, PartNotUtf8, streamDelimitedPart } from '../tables/streamDelimited';
import { partRequestSchema, type PartMessage, type PartSetup } from './tallyPartProtocol';

/**
 * The thread that tallies one part of a delimited export for `tallyInParts`: it reads the part's bytes itself,
 * parses, imports and counts its rows, and sends back what they came to, to be joined with the other parts'.
 */

const port = parentPort!;
const send = (message: PartMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

/** Progress is told about every 4 MB: enough for a line on the terminal, few messages. */
const PROGRESS_BYTES = 4 * 2 ** 20;

/** The Case IDs each part this thread read met, by the part's first byte: asked for if a later part repeats one. */
const idsOfPart = new Map<number, IdRows>();

async function tallyPart(setup: PartSetup): Promise<void> {
  const framework = setup.framework as unknown as Framework;
  const fixList = setup.everyIssue ? new FixList() : null;
  const options = { today: setup.today, ...(setup.issueLimit === null ? {} : { issueLimit: setup.issueLimit }), ...(fixList ? { onIssue: (issue: RowIssue) => fixList.add(issue, setup.source) } : {}) };
  const sheet = { source: setup.source, delimited: true };
  const tally = new ReturnTally(framework, setup.period, options);
  const after = { ...(setup.header ? { header: setup.header } : {}), ...(setup.earlier ? { earlier: setup.earlier } : {}) };
  const importer = caseImporter(sheet, framework, options, tally.addCase, after);
  let told = 0;
  const open = () => createReadStream(setup.file, { start: setup.start, end: setup.end - 1, highWaterMark: 2 ** 20 });
  await streamDelimitedPart(open, setup.source, (row) => importer.row(row), setup.part, {
    onProgress: (_stage, read) => {
      if (read - told < PROGRESS_BYTES) return;
      told = read;
      send({ type: 'progress', read });
    },
  });
  idsOfPart.set(setup.start, importer.idRows());
  const ids = importer.idFingerprints();
  const counted = tally.part();
  const listed = fixList?.part() ?? null;
  send({ type: 'done', imported: importer.part(), tally: counted, ids, fixList: listed }, [ids.buffer as ArrayBuffer, counted.eventCases.holds.buffer as ArrayBuffer, ...(listed?.pieces.map((p) => p.buffer) ?? [])]);
}

// The thread starts (loading the engine) while the main thread finds where to cut; its part comes as a message.
port.on('message', (data: unknown) =>
  Promise.resolve()
    .then(() => {
      const request = partRequestSchema.parse(data);
      if (request.type === 'part') return tallyPart(request.setup);
      send({ type: 'ids', ...idsOfPart.get(request.start)! });
    })
    .catch((e: unknown) =>
      send(
        e instanceof PartNotApart
          ? { type: 'apart', reason: e.message, notUtf8: e instanceof PartNotUtf8 }
          : { type: 'failed', message: e instanceof Error ? e.message : String(e), input: e instanceof InputError },
      ),
    ),
);
