import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { processIo } from '../../src/cli/io';
import { tallyReportSchema } from '../../src/engine/report/tallyReport';
import { memoryIo } from '../support/memoryIo';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'cambridgeshire-cases.csv');
const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];

/** Runs the CLI reading files from disk as the installed tool does: a CSV streamed, never read whole. */
async function fromDisk(args: string[]) {
  const { io, stdout, stderr, written } = memoryIo();
  const code = await main(args, { ...io, readFile: processIo.readFile, openFile: processIo.openFile! });
  return { code, stdout: stdout(), stderr: stderr(), written };
}

describe('returns tally on a file streamed from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-stream-'));

  it('gives the report the whole-file reading gives', async () => {
    const { io, stdout } = memoryIo({ 'cases.csv': readFileSync(SAMPLE) });
    expect(await main(['tally', 'cases.csv', ...PERIOD, '--json'], io)).toBe(0);
    const streamed = await fromDisk(['tally', SAMPLE, ...PERIOD, '--json']);
    expect(streamed.code).toBe(0);
    expect({ ...JSON.parse(streamed.stdout), source: 'cases.csv' }).toEqual(JSON.parse(stdout()));
  });

  it('gives the first 1,000 issues of a kind in full and the rest by row, and writes every one with --issues', async () => {
    // Every referral date blanked: one missing-value issue per row.
    const lines = readFileSync(SAMPLE, 'utf8').split('\r\n');
    const blanked = [lines[0], ...lines.slice(1).filter(Boolean).map((l) => l.replace(/^([^,]*),[^,]*,/, '$1,,'))].join('\r\n');
    const file = join(dir, 'blank-dates.csv');
    writeFileSync(file, blanked);
    const fixes = join(dir, 'fixes.csv');
    const { code, stdout, written } = await fromDisk(['tally', file, ...PERIOD, '--json', '--issues', fixes]);
    expect(code).toBe(0);
    const report = tallyReportSchema.parse(JSON.parse(stdout));
    const missing = report.rowIssues.filter((i) => i.code === 'missing_value');
    const more = report.moreRowIssues.find((m) => m.code === 'missing_value')!;
    expect(missing).toHaveLength(1000);
    expect(missing.length + more.rows.length).toBe(report.cases!.rows);
    expect(more.rows[0]).toBe(missing[999]!.row + 1);
    const fixLines = new TextDecoder().decode(written[fixes]).trim().split('\r\n').filter((l) => l.includes('is blank: this case is counted nowhere'));
    expect(fixLines).toHaveLength(report.cases!.rows);
  });

  it('counts the issues beyond those in full in the readable report', async () => {
    const lines = readFileSync(SAMPLE, 'utf8').split('\r\n');
    const file = join(dir, 'blank-dates-2.csv');
    writeFileSync(file, [lines[0], ...lines.slice(1).filter(Boolean).map((l) => l.replace(/^([^,]*),[^,]*,/, '$1,,'))].join('\r\n'));
    const { stdout } = await fromDisk(['tally', file, ...PERIOD]);
    expect(stdout).toMatch(/Required value is blank \(error\): 3,000 rows/);
  });
});
