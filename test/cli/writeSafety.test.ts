import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main';
import { partialPath, processIo, type CliIo } from '../../src/cli/io';

const PERIOD = ['--framework', 'cambridgeshire', '--from', '2020-04-01', '--to', '2020-09-30'];
const CASES = 'Case ID,Referral date,Referral source,Crime type\nC1,01/05/2020,Police,Theft\n';

/** The real file system, with the output captured. */
function diskIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { ...processIo, out: (t) => out.push(t), err: (t) => err.push(t) };
  return { io, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}

let folder: string;
const at = (name: string) => join(folder, name);
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'returns-write-'));
  writeFileSync(at('cases.csv'), CASES);
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('writing files: nothing a user has is overwritten', () => {
  it('refuses an existing --out unless --force, leaving the file as it was', async () => {
    writeFileSync(at('return.xlsx'), 'precious');
    const { io, stderr } = diskIo();
    expect(await main(['template', '--framework', 'cambridgeshire', '--out', at('return.xlsx')], io)).toBe(2);
    expect(stderr()).toContain(`Cannot write ${at('return.xlsx')}: the file already exists. Name a new file, or add --force to replace it.`);
    expect(readFileSync(at('return.xlsx'), 'utf8')).toBe('precious');
    expect(await main(['template', '--framework', 'cambridgeshire', '--out', at('return.xlsx'), '--force'], io)).toBe(0);
    expect(readFileSync(at('return.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it.each<[string, (name: string) => string]>([
    ['the same path', (name) => at(name)],
    ['a ./ spelling of it', (name) => join(folder, '.', name)],
    ['a symbolic link to it', (name) => (symlinkSync(at(name), at('link.xlsx')), at('link.xlsx'))],
    ['a hard link to it', (name) => (linkSync(at(name), at('hard.xlsx')), at('hard.xlsx'))],
  ])('never writes over an input named by %s, even with --force', async (_, alias) => {
    const { io } = diskIo();
    expect(await main(['fill', at('cases.csv'), ...PERIOD, '--out', at('received.xlsx')], io)).toBe(0);
    const received = readFileSync(at('received.xlsx'));
    const { io: again, stderr } = diskIo();
    expect(await main(['check', at('received.xlsx'), '--annotate', alias('received.xlsx'), '--force'], again)).toBe(2);
    expect(stderr()).toMatch(/never written over|never changed/);
    expect(readFileSync(at('received.xlsx')).equals(received)).toBe(true);

  });

  it('fill refuses to write the return over its case-data export, by any name', async () => {
    symlinkSync(at('cases.csv'), at('export.xlsx'));
    const { io, stderr } = diskIo();
    expect(await main(['fill', at('cases.csv'), ...PERIOD, '--out', at('export.xlsx'), '--force'], io)).toBe(2);
    expect(stderr()).toContain(`it is the same file as the input ${at('cases.csv')}`);
    expect(readFileSync(at('cases.csv'), 'utf8')).toBe(CASES);
  });

  it('leaves no temporary file when a write fails', async () => {
    mkdirSync(at('folder.xlsx'));
    const { io, stderr } = diskIo();
    expect(await main(['template', '--framework', 'cambridgeshire', '--out', at('folder.xlsx'), '--force'], io)).toBe(2);
    expect(stderr()).toMatch(/Cannot write .*folder\.xlsx: it is a folder\. Nothing was written\./);
    expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(await main(['template', '--framework', 'cambridgeshire', '--out', join(folder, 'missing', 'r.xlsx')], io)).toBe(2);
    expect(stderr()).toMatch(/its folder does not exist/);
  });

  it('cleans what a killed run left beside the target on the next run', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const leftover = partialPath(at('return.xlsx'), Number(dead.stdout.toString()));
    writeFileSync(leftover, '');
    const { io } = diskIo();
    expect(await main(['template', '--framework', 'cambridgeshire', '--out', at('return.xlsx')], io)).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(['cases.csv', 'return.xlsx']);
  });
});

describe('a write that will be refused is refused before the work', () => {
  /** The real file system, recording every file read (as a whole or as a stream). */
  function readsIo() {
    const { io, stderr } = diskIo();
    const read: string[] = [];
    const watched: CliIo = {
      ...io,
      readFile: (path) => (read.push(path), io.readFile(path)),
      openFile: (path) => (read.push(path), io.openFile!(path)),
    };
    return { io: watched, read, stderr };
  }

  it.each<[string, () => string[], string]>([
    ['tally --issues onto an existing file', () => ['tally', at('cases.csv'), ...PERIOD, '--issues', at('old.csv')], 'the file already exists'],
    ['fill --out onto an existing file', () => ['fill', at('cases.csv'), ...PERIOD, '--out', at('old.xlsx')], 'the file already exists'],
    ['fill --out into a folder that is not there', () => ['fill', at('cases.csv'), ...PERIOD, '--out', at('no-such-folder/return.xlsx')], 'its folder does not exist'],
    ['fill --out onto a folder, even with --force', () => ['fill', at('cases.csv'), ...PERIOD, '--out', at('a-folder.xlsx'), '--force'], 'it is a folder'],
    ['check --html onto an existing file', () => ['check', at('received.xlsx'), '--html', at('old.html')], 'the file already exists'],
    ['aggregate --out onto an existing file', () => ['aggregate', at('received.xlsx'), '--out', at('old.xlsx')], 'the file already exists'],
  ])('%s: the inputs are not read', async (_, args, why) => {
    for (const name of ['old.csv', 'old.xlsx', 'old.html', 'received.xlsx']) writeFileSync(at(name), 'kept');
    mkdirSync(at('a-folder.xlsx'));
    const { io, read, stderr } = readsIo();
    expect(await main(args(), io)).toBe(2);
    expect(stderr()).toContain(why);
    expect(stderr()).not.toMatch(/\n\s+at /);
    expect(read.filter((path) => path === at('cases.csv') || path === at('received.xlsx'))).toEqual([]);
    for (const name of ['old.csv', 'old.xlsx', 'old.html']) expect(readFileSync(at(name), 'utf8')).toBe('kept');
  });
});
