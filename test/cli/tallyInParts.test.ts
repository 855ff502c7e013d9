import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The module itself, not a namespace copy of it: its Worker is replaced for the threads that fail.
import workerThreads = require('node:worker_threads');
import Papa from 'papaparse';
import { processIo, type CliIo } from '../../src/cli/io';
import { tallyFile } from '../../src/cli/tallyFile';
import * as parted from '../../src/cli/tallyInParts';
import { dayFromIso } from '../../src/engine/cases/dates';
import { FixList } from '../../src/engine/report/fixList';
import { periodFromIso } from '../../src/engine/tally/period';
import { builtInFramework } from '../../src/frameworks/load';
import { loadFramework } from '../../src/cli/loadFramework';
import { readEventFiles } from '../../src/cli/eventFiles';
import { generateSampleCases } from '../../scripts/sample/generateCases';

const framework = builtInFramework('cambridgeshire');
const period = periodFromIso('2020-04-01', '2020-09-30');
const options = { today: dayFromIso('2021-01-15')!, issueLimit: 20 };
const dir = mkdtempSync(join(tmpdir(), 'tally-parts-'));

/** The sample generator's messy export (its header row first), as CSV. */
const sample = (count: number, seed: number) => generateSampleCases(count, seed);
const csv = (rows: string[][], newline = '\r\n') => Papa.unparse(rows, { newline }) + newline;

function written(name: string, bytes: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The file read in one pass, as where no part can be read on its own thread (no disk path). */
async function inOnePass(file: string, fixList?: FixList) {
  const { diskPath: _none, ...io } = processIo;
  return tallyFile(io as CliIo, file, framework, period, { ...options, ...(fixList ? { fixList } : {}) });
}

async function inParts(file: string, parts: number, fixList?: FixList) {
  return parted.tallyInParts(processIo, file, await processIo.openFile!(file), framework, period, options, parts, [], fixList);
}

const textOf = (fixList: FixList) => Buffer.concat(fixList.bytes()).toString('utf8');

describe('a delimited export tallied in parts, one thread each', () => {
  it('gives the report one pass over every row gives: figures, lists, row issues to the limit and beyond, notes', async () => {
    const file = written('messy.csv', csv(sample(12_000, 7)));
    const whole = await inOnePass(file);
    expect(whole.rowIssues.length).toBeGreaterThan(20);
    for (const parts of [2, 3]) expect(await inParts(file, parts)).toEqual(whole);
  });

  it('cuts past a quoted note that spans lines, reads a byte-order mark, a "sep=" line and semicolons, a title above the header, and line breaks of either kind', async () => {
    const rows = sample(6_000, 11).map((row, i) => [...row, i === 0 ? 'Notes' : i % 3 === 0 ? `Called; left "message"\non ${i}\r\nthen again` : '']);
    for (const [name, text] of [
      ['notes.csv', csv(rows)],
      ['notes-lf.csv', csv(rows, '\n')],
      ['excel.csv', `\ufeffsep=;\r\n${Papa.unparse(rows, { delimiter: ';', newline: '\r\n' })}`],
      ['titled.csv', `Victim Services, case report\r\n\r\n${Papa.unparse(rows, { delimiter: ';', newline: '\r\n' })}`],
      ['titled.tsv', `Victim Services case report\n\n${Papa.unparse(rows, { delimiter: '\t', newline: '\n' })}`],
      // Its day-first dates written month first: each part counts what it saw of the column's form.
      ['month-first.csv', csv(rows.map((row) => row.map((cell) => cell.replace(/^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4}\b.*)$/, '$3$2$1$2$4'))))],
    ] as const) {
      const file = written(name, text);
      const whole = await inOnePass(file);
      if (name === 'month-first.csv') expect(whole.notes.filter((n) => n.code === 'month_first_dates').length).toBeGreaterThan(0);
      expect(await inParts(file, 3)).toEqual(whole);
    }
  });

  it('reads a part again knowing the Case IDs before it when one repeats from an earlier part, so the repeat counts nowhere', async () => {
    const rows = sample(6_000, 13);
    // Repeats in the middle of the file and at its end, of rows in the first part and in a middle one.
    const repeated = written('repeated.csv', csv([...rows.slice(0, 3_000), rows[10]!, ...rows.slice(3_000), rows[20]!, rows[4_000]!]));
    const whole = await inOnePass(repeated);
    expect(whole.rowIssues.filter((issue) => issue.code === 'duplicate_case_id' && issue.row > 501).map((issue) => issue.message)).toEqual([
      expect.stringContaining(`is also on row 11`),
      expect.stringContaining(`is also on row 21`),
      expect.stringContaining(`is also on row 4002`),
    ]);
    expect(await inParts(repeated, 2)).toEqual(whole);
    expect(await inParts(repeated, 3)).toEqual(whole);
  });

  it('tells every row issue in full, in row order, as one pass does (for the fix list), a part read again told once', async () => {
    const rows = sample(6_000, 29);
    const file = written('fixes.csv', csv([...rows, rows[30]!]));
    const once = new FixList();
    const whole = await inOnePass(file, once);
    const told = new FixList();
    expect(await inParts(file, 3, told)).toEqual(whole);
    expect(told.issues).toBeGreaterThan(whole.rowIssues.length);
    expect(told.issues).toBe(once.issues);
    expect(textOf(told)).toEqual(textOf(once));
  });

  it('reads an export in the Windows code page as one pass does, whether its first bytes show it or only its last', async () => {
    const rows = sample(6_000, 19);
    const windows1252 = (text: string) => new Uint8Array([...text].map((c) => c.charCodeAt(0)));
    const throughout = written('windows.csv', windows1252(csv(rows).replace(/Peterborough/g, 'Peterborough caf\u00e9')));
    // Only the last rows: the first chunk reads as UTF-8, and a later part finds it is not.
    const late = written('late.csv', windows1252(csv([...rows.slice(0, -1), [`${rows.at(-1)![0]}\u00e9`, ...rows.at(-1)!.slice(1)]])));
    const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(() => utf8(readFileSync(late).subarray(0, 1 << 20))).not.toThrow();
    expect(() => utf8(readFileSync(late))).toThrow();
    for (const file of [throughout, late]) {
      const whole = await inOnePass(file);
      expect(await inParts(file, 3)).toEqual(whole);
    }
  });

  it('stray quotes the cut reads otherwise than the parser are never a different report: it gives the same, or leaves the file to one pass', async () => {
    const rows = sample(6_000, 17).map((row, i) => (i > 0 && i % 500 === 0 ? [...row.slice(0, -1), `5" tall`] : row));
    const text = rows.map((row) => row.join(',')).join('\r\n');
    const file = written('stray.csv', text);
    const whole = await inOnePass(file);
    const parted = await inParts(file, 2);
    if (parted !== null) expect(parted).toEqual(whole);
  });

  it('is how `tally` reads an export of 32 MB and more, where a thread can read the file itself', async () => {
    // The sample's rows again and again, each copy with Case IDs of its own, until the file passes the size.
    const [header, ...rows] = sample(3_000, 23);
    const copies = Math.ceil(parted.TALLY_IN_PARTS_FROM_BYTES / csv(rows).length) + 1;
    const file = written('big.csv', csv([header!, ...Array.from({ length: copies }, (_, copy) => rows.map(([id, ...rest]) => [`${id}-${copy}`, ...rest])).flat()]));
    const spy = jest.spyOn(parted, 'tallyInParts');
    const report = await tallyFile(processIo, file, framework, period, options);
    expect(spy).toHaveBeenCalledTimes(parted.threadsHere() > 1 ? 1 : 0);
    if (parted.threadsHere() > 1) await expect(spy.mock.results[0]!.value).resolves.toEqual(report);
    spy.mockRestore();
    expect(report.cases).toEqual({ rows: copies * rows.length, notCounted: expect.any(Number) });
  });

  it('joins event tables to the cases of every part, as one pass does', async () => {
    const events = await loadFramework(join(__dirname, '..', 'fixtures', 'events-framework.json'), processIo);
    const eventsPeriod = periodFromIso('2024-01-01', '2024-03-31');
    const genders = ['Female', 'Male', 'Not known', ''];
    const cases = ['Case ID,Referral date,Gender', ...Array.from({ length: 30_000 }, (_, i) => `C${i % 29_990},${1 + (i % 28)}/0${1 + (i % 3)}/2024,${genders[i % 4]}`)];
    const channels = ['Phone', 'Email', 'Letter', 'Telephone', 'Fax'];
    const contacts = ['Case ref,Date,Channel,Service', ...Array.from({ length: 9_000 }, (_, i) => `C${(i * 7) % 30_010},0${1 + (i % 9)}/02/2024,${channels[i % 5]},${i % 2 ? 'Counselling' : 'Advocacy'}`)];
    const file = written('event-cases.csv', cases.join('\r\n'));
    const given = await readEventFiles(processIo, events, [`contacts=${written('contacts.csv', contacts.join('\r\n'))}`], [file]);
    const { diskPath: _none, ...oneThread } = processIo;
    const whole = await tallyFile(oneThread as CliIo, file, events, eventsPeriod, options, given);
    expect(whole.rowIssues.some((issue) => issue.code === 'unknown_case')).toBe(true);
    expect(await parted.tallyInParts(processIo, file, await processIo.openFile!(file), events, eventsPeriod, options, 3, given)).toEqual(whole);
  });

  it('reads two exports joined into one file as one pass does when a part starts at the second one\'s byte-order mark', async () => {
    const first = csv(sample(1_800, 41));
    const [header, ...rows] = sample(1_500, 43);
    // The second export's rows fill it out so that the cut into two falls just before its byte-order mark.
    const second = (pad: number) => `\ufeff${csv([header!, ...rows.map(([id, ...rest]) => [`${id}-2`, ...rest])])}${'x'.repeat(pad)}\r\n`;
    const size = (text: string) => Buffer.byteLength(text);
    const pad = size(first) - size(second(0));
    const file = written('joined.csv', first + second(Math.max(0, pad)));
    expect(Math.floor(size(first + second(Math.max(0, pad))) / 2)).toBe(size(first));
    const whole = await inOnePass(file);
    // One pass skips the second header row, its first cell beginning with the mark, as a repeated header.
    expect(whole.notes.some((note) => note.code === 'repeated_header')).toBe(true);
    expect(await inParts(file, 2)).toEqual(whole);
  });

  describe('when a thread fails', () => {
    const RealWorker = workerThreads.Worker;
    /** Every part's thread runs `script` instead of the part's reading. */
    const threadsRunning = (script: string) => jest.spyOn(workerThreads, 'Worker').mockImplementation(() => new RealWorker(script, { eval: true }));
    afterEach(() => jest.restoreAllMocks());

    it('leaves the file to one pass when a thread cannot start, failing before it is asked anything: no error is thrown from it', async () => {
      const file = written('no-threads.csv', csv(sample(3_000, 31)));
      threadsRunning('throw new Error("cannot start a thread")');
      expect(await inParts(file, 3)).toBeNull();
    }, 20_000);

    it('leaves the file to one pass when a thread cannot be made at all (a limit on threads), ending the threads made before it', async () => {
      const file = written('thread-limit.csv', csv(sample(3_000, 47)));
      let exited: Promise<unknown> | null = null;
      jest
        .spyOn(workerThreads, 'Worker')
        .mockImplementationOnce(() => {
          const made = new RealWorker('require("node:worker_threads").parentPort.on("message", () => undefined)', { eval: true });
          exited = once(made, 'exit');
          return made;
        })
        .mockImplementation(() => {
          throw Object.assign(new Error('Worker initialization failure: EAGAIN'), { code: 'ERR_WORKER_INIT_FAILED' });
        });
      expect(await inParts(file, 3)).toBeNull();
      // The thread made is ended, not left to keep the process running.
      await exited;
    }, 20_000);

    it('leaves the file to one pass as soon as one part is not read apart, without waiting for the parts still being read', async () => {
      const file = written('one-apart.csv', csv(sample(3_000, 53)));
      const still: Promise<unknown>[] = [];
      jest
        .spyOn(workerThreads, 'Worker')
        .mockImplementationOnce(() => new RealWorker('const { parentPort } = require("node:worker_threads"); parentPort.on("message", () => parentPort.postMessage({ type: "apart", reason: "a quote read otherwise" }))', { eval: true }))
        .mockImplementation(() => {
          // Reading its part for ever (as a part of a file with a broken quote can seem to).
          const reading = new RealWorker('require("node:worker_threads").parentPort.on("message", () => undefined)', { eval: true });
          still.push(once(reading, 'exit'));
          return reading;
        });
      expect(await inParts(file, 2)).toBeNull();
      // The thread still reading is ended.
      await Promise.all(still);
    }, 20_000);

    it('leaves the file to one pass when a thread ends without answering, rather than waiting for it for ever', async () => {
      const file = written('thread-exits.csv', csv(sample(3_000, 37)));
      threadsRunning('require("node:worker_threads").parentPort.once("message", () => process.exit(0))');
      expect(await inParts(file, 2)).toBeNull();
    }, 20_000);
  });
});
