import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { generateSampleCases } from './sample/generateCases';
import { TALLY_IN_PARTS_FROM_BYTES, threadsHere } from '../src/cli/tallyInParts';

/**
 * `npm run bench [-- --sizes 10000,100000] [--skip fill,office] [--max-office 100000] [--max-xlsx 100000] [--out FILE.md] [--work DIR]`: measures the CLI on
 * exports of growing size made by the sample generator, each command in its own process (time from start to exit,
 * and peak memory), beside its floor: papaparse alone streaming the same file, and papaparse with ExcelJS's
 * streaming writer copying the rows into one sheet. Also fills through the Office adapter on the in-memory Excel
 * to count its syncs and its largest request (up to --max-office rows: the fake holds every cell), and tallies the floor's
 * workbook as an .xlsx export (up to --max-xlsx rows). Prints a table
 * and writes it to BENCHMARKS.md (or --out); asserts nothing (ratios are what count: these machines are noisy).
 * Exports and outputs go to the system's temporary folder, never into the repo.
 */
const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};

const root = join(__dirname, '..');
/** Exports, outputs and the compiled CLI: the system's temporary folder, or --work (a run of its own beside another). */
const work = flag('work') ?? join(tmpdir(), 'returns-bench');
const dist = join(work, 'dist');
const FROM = '2020-04-01';
const TO = '2020-09-30';
/** A run longer than this is stopped and shown as unfinished: on a loaded machine the 1,048,575-row floor alone takes ten minutes. */
const TIMEOUT_MS = 60 * 60_000;
/** Room for the bench's own children (the generator, the in-memory Excel); the commands and the floors run with Node's defaults. */
const HEAP = '--max-old-space-size=8192';

type Run = { ms: number; rssMb: number; ok: boolean };
type Row = { size: number; parse: Run; lookups: Run; tally: Run; check: Run; fill: Run | null; fillFloor: Run | null; xlsxTally: Run | null; office: { syncs: number; largest: number; ms: number } | null };

function main() {
  const sizes = (flag('sizes') ?? '10000,100000,1048575').split(',').map(Number).filter((n) => n > 0);
  const skip = new Set((flag('skip') ?? '').split(','));
  // The in-memory Excel holds every cell it is sent: above this size the Office run is left out.
  const maxOffice = Number(flag('max-office') ?? 100_000);
  // The same rows as an .xlsx export (the fill floor's workbook), tallied up to this size.
  const maxXlsx = Number(flag('max-xlsx') ?? 100_000);
  const out = flag('out') ?? join(root, 'BENCHMARKS.md');
  mkdirSync(work, { recursive: true });
  // The CLI as users run it: compiled (again only where the sources changed), without the build's webpack step.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', dist, '--incremental', '--tsBuildInfoFile', join(work, 'tsbuildinfo')], { stdio: 'inherit' });
  const rows: Row[] = [];
  for (const size of sizes) {
    const csv = join(work, `cases-${size}.csv`);
    if (!existsSync(csv)) runChild('generate', [String(size), csv]);
    const parse = runScript(PARSE_FLOOR, [csv]);
    // Parts as the tally cuts them: none below its threshold.
    const lookups = runScript(LOOKUP_FLOOR, [csv, String(statSync(csv).size >= TALLY_IN_PARTS_FROM_BYTES ? threadsHere() : 1)]);
    const tallyJson = join(work, `tally-${size}.json`);
    const tally = runCli(['tally', csv, '--framework', 'cambridgeshire', '--from', FROM, '--to', TO, '--json', '--quiet'], tallyJson);
    const check = runCli(['check', tallyJson, '--json'], null);
    const fillOut = join(work, `filled-${size}.xlsx`);
    const fills = !skip.has('fill');
    const fill = !fills ? null : runCli(['fill', csv, '--framework', 'cambridgeshire', '--from', FROM, '--to', TO, '--out', fillOut, '--force'], null);
    const floorXlsx = join(work, `floor-${size}.xlsx`);
    const fillFloor = !fills ? null : runScript(FILL_FLOOR, [csv, floorXlsx]);
    const xlsxTally = size > maxXlsx || !fillFloor?.ok ? null : runCli(['tally', floorXlsx, '--framework', 'cambridgeshire', '--from', FROM, '--to', TO, '--json', '--quiet'], null);
    const office = skip.has('office') || size > maxOffice ? null : officeRun(csv);
    rows.push({ size, parse, lookups, tally, check, fill, fillFloor, xlsxTally, office });
    console.log(formatRow(rows[rows.length - 1]!));
  }
  // Where the table and the scratch files went is no part of what was measured.
  const measured = args.filter((a, i) => !['--out', '--work'].includes(a) && !['--out', '--work'].includes(args[i - 1] ?? ''));
  const command = `npm run bench${measured.length ? ` -- ${measured.join(' ')}` : ''}`;
  const cpu = cpus();
  const machine = `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${platform()} ${release()}, Node ${process.version}`;
  const report = [
    '# Benchmarks',
    '',
    `Made by \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, on ${machine}.`,
    'Each command runs in its own process with Node\'s defaults, timed from start to exit; memory is its peak resident set. The floors:',
    '"papaparse" streams the same file through papaparse doing nothing with the rows; "fill floor" streams it through',
    'papaparse into ExcelJS\'s streaming writer, one sheet. Ratios are what count: the machine is shared and noisy.',
    'Office: filling a new workbook through the Office adapter on the in-memory Excel (syncs, and the most cells written in one).',
    ...(sizes.some((n) => n > maxOffice) ? [`The Office fill was run only up to ${maxOffice.toLocaleString('en-GB')} rows (--max-office): the in-memory Excel holds every cell; "–" marks a run left out.`] : []),
    '',
    '| rows | papaparse | tally | check | tally + check | × papaparse | tally MB | fill | fill floor | × floor | fill MB | Office syncs | largest request (cells) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(tableRow),
    '',
    `The least a reading of the cells as text can cost, before it checks or counts anything: papaparse in as many threads as the tally's parts (${threadsHere()} here, from ${TALLY_IN_PARTS_FROM_BYTES / 2 ** 20} MB; one below),`,
    'each over its share of the file, looking every cell up in its column\'s `Map` (as any reading must, to know what a spelling means).',
    '',
    '| rows | papaparse | reading floor | × papaparse | tally + check | × reading floor |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.size.toLocaleString('en-GB')} | ${seconds(r.parse)} | ${seconds(r.lookups)} | ${ratio(r.lookups, r.parse)} | ${seconds(bothOf(r))} | ${ratio(r.tally, r.lookups, r.check)} |`),
    '',
    ...(rows.some((r) => r.xlsxTally) ? [
      `The same rows as an .xlsx export (the fill floor's workbook: text in the cells), tallied up to ${maxXlsx.toLocaleString('en-GB')} rows (--max-xlsx): streamed sheet row by row.`,
      '',
      '| rows | tally .xlsx | × tally of the CSV | tally .xlsx MB |',
      '|---:|---:|---:|---:|',
      ...rows.filter((r) => r.xlsxTally).map((r) => `| ${r.size.toLocaleString('en-GB')} | ${seconds(r.xlsxTally)} | ${ratio(r.xlsxTally, r.tally)} | ${mb(r.xlsxTally)} |`),
      '',
    ] : []),
  ].join('\n');
  writeFileSync(out, report);
  console.log(`\nWrote ${out}`);
}

function runChild(mode: string, rest: string[]): Run {
  return timed(process.execPath, [HEAP, ...process.execArgv, __filename, '--child', mode, ...rest], null);
}

function runCli(cliArgs: string[], stdoutFile: string | null): Run {
  return runScript(`require(${JSON.stringify(join(dist, 'cli', 'main.js'))}).main(process.argv.slice(1)).then((c) => { reportRss(); process.exitCode = c; });`, cliArgs, stdoutFile);
}

/** Plain node running a script, as lean as the CLI it is compared with; it tells the bench its peak memory through a file. */
function runScript(code: string, scriptArgs: string[], stdoutFile: string | null = null): Run {
  const reportRss = `const reportRss = () => require('fs').writeFileSync(process.env.BENCH_RSS, String(process.resourceUsage().maxRSS));`;
  return timed(process.execPath, ['-e', `${reportRss}${code}`, ...scriptArgs], stdoutFile);
}

/** The floors: papaparse streaming the file and doing nothing with its rows; and copying them into ExcelJS's streaming writer. */
const PARSE_FLOOR = `require('papaparse').parse(require('fs').createReadStream(process.argv[1], 'utf8'), { step: () => {}, complete: reportRss });`;
/**
 * The reading floor: the file cut at line breaks into as many parts as the tally's (the bench export has no line
 * break inside quotes), each streamed through papaparse on a thread of its own, every cell looked up in its column's
 * Map (up to 100,000 spellings a column remembered, as the import remembers them).
 */
const LOOKUP_FLOOR = `const { Worker } = require('worker_threads');
const fs = require('fs');
const [file, parts] = [process.argv[1], Number(process.argv[2])];
const size = fs.statSync(file).size;
const fd = fs.openSync(file, 'r');
const cuts = [0];
for (let i = 1; i < parts; i++) {
  const at = Math.floor((size * i) / parts);
  const around = Buffer.alloc(65536);
  const read = fs.readSync(fd, around, 0, around.length, at);
  cuts.push(Math.max(cuts[i - 1], at + around.subarray(0, read).indexOf(10) + 1));
}
cuts.push(size);
const part = \`const { workerData: [file, start, end] } = require('worker_threads');
const columns = [];
require('papaparse').parse(require('fs').createReadStream(file, { start, end, encoding: 'utf8' }), { step: ({ data }) => {
  for (let i = 0; i < data.length; i++) {
    const seen = columns[i] ?? (columns[i] = new Map());
    if (seen.get(data[i]) === undefined && seen.size < 100000) seen.set(data[i], i);
  }
} });\`;
let running = parts;
for (let i = 0; i < parts; i++)
  if (cuts[i + 1] > cuts[i]) new Worker(part, { eval: true, workerData: [file, cuts[i], cuts[i + 1] - 1] }).on('exit', () => --running === 0 && reportRss());
  else running--;`;
const FILL_FLOOR = `const ExcelJS = require('exceljs');
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: process.argv[2], useStyles: false, useSharedStrings: false });
const sheet = writer.addWorksheet('Cases');
require('papaparse').parse(require('fs').createReadStream(process.argv[1], 'utf8'), {
  step: (r) => sheet.addRow(r.data).commit(),
  complete: async () => { sheet.commit(); await writer.commit(); reportRss(); },
});`;

function timed(command: string, commandArgs: string[], stdoutFile: string | null): Run {
  const rssFile = join(work, `rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, {
    env: { ...process.env, BENCH_RSS: rssFile, NODE_PATH: join(root, 'node_modules') },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 2 ** 31,
    timeout: TIMEOUT_MS,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (stdoutFile && result.stdout) writeFileSync(stdoutFile, result.stdout);
  const rssMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  // check exits 1 when the return has errors: that is a finding, not a failure.
  return { ms, rssMb, ok: result.status === 0 || result.status === 1 };
}

/** The bench's own children: making an export, and filling through the Office adapter. */
async function child(mode: string, rest: string[]) {
  if (mode === 'generate') writeExport(Number(rest[0]), rest[1]!);
  if (mode === 'office') await officeFill(rest[0]!);
}

/** The sample generator's export at a size, written in slices so even a full sheet's worth never sits in one string. */
function writeExport(size: number, file: string) {
  const rows = generateSampleCases(size);
  writeFileSync(file, '');
  const SLICE = 50_000;
  for (let i = 0; i < rows.length; i += SLICE) writeFileSync(file, `${Papa.unparse(rows.slice(i, i + SLICE))}\r\n`, { flag: 'a' });
}

/** The syncs and largest request of a fill through the Office adapter, printed for the parent to read. */
async function officeFill(file: string) {
  const [{ FakeExcel }, { OfficeWorkbook }, { fillReturn }, { readDelimited }, { builtInFramework }, { periodFromIso }] = await Promise.all([
    import('../test/support/fakeExcel'),
    import('../src/workbook/officeWorkbook'),
    import('../src/commands/fillReturn'),
    import('../src/tables/readDelimited'),
    import('../src/frameworks/load'),
    import('../src/engine/tally/period'),
  ]);
  const excel = new FakeExcel();
  const table = readDelimited(readFileSync(file, 'utf8'), file);
  await fillReturn(new OfficeWorkbook(excel.run, () => true), { framework: builtInFramework('cambridgeshire'), period: periodFromIso(FROM, TO), table });
  writeFileSync(`${file}.office.json`, JSON.stringify({ syncs: excel.syncs, largest: excel.largestRequest }));
}

function officeRun(csv: string): Row['office'] {
  rmSync(`${csv}.office.json`, { force: true });
  const run = runChild('office', [csv]);
  if (!run.ok || !existsSync(`${csv}.office.json`)) return null;
  return { ...(JSON.parse(readFileSync(`${csv}.office.json`, 'utf8')) as { syncs: number; largest: number }), ms: run.ms };
}

const seconds = (run: Run | null) => (run === null ? '–' : run.ok ? `${(run.ms / 1000).toFixed(1)} s` : `> ${TIMEOUT_MS / 60_000} min or failed`);
const mb = (run: Run | null) => (run === null || !run.ok ? '–' : `${run.rssMb.toFixed(0)}`);
const ratio = (run: Run | null, floor: Run | null, extra: Run | null = null) =>
  run && floor && run.ok && floor.ok && (!extra || extra.ok) ? `${((run.ms + (extra?.ms ?? 0)) / floor.ms).toFixed(2)} ×` : '–';

/** Tally and check one after the other, as a contract manager runs them: their times added, the larger memory. */
const bothOf = (r: Row): Run => ({ ms: r.tally.ms + r.check.ms, rssMb: Math.max(r.tally.rssMb, r.check.rssMb), ok: r.tally.ok && r.check.ok });

function tableRow(r: Row): string {
  const both = bothOf(r);
  return `| ${r.size.toLocaleString('en-GB')} | ${seconds(r.parse)} | ${seconds(r.tally)} | ${seconds(r.check)} | ${seconds(both)} | ${ratio(r.tally, r.parse, r.check)} | ${mb(both)} | ${seconds(r.fill)} | ${seconds(r.fillFloor)} | ${ratio(r.fill, r.fillFloor)} | ${mb(r.fill)} | ${r.office?.syncs ?? '–'} | ${r.office?.largest.toLocaleString('en-GB') ?? '–'} |`;
}

function formatRow(r: Row): string {
  return `${r.size.toLocaleString('en-GB')} rows: papaparse ${seconds(r.parse)}, reading floor ${seconds(r.lookups)}, tally ${seconds(r.tally)} (${mb(r.tally)} MB), check ${seconds(r.check)}, tally + check ${ratio(r.tally, r.parse, r.check)} papaparse; fill ${seconds(r.fill)} (${mb(r.fill)} MB), floor ${seconds(r.fillFloor)}, ${ratio(r.fill, r.fillFloor)}; Office syncs ${r.office?.syncs ?? '–'}, largest request ${r.office?.largest ?? '–'} cells`;
}

if (args[0] === '--child') void child(args[1]!, args.slice(2));
else main();
