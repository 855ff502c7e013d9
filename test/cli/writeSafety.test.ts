import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main';
import { partialPath, processIo, type CliIo } from '../../src/cli/io';
import { XlsxWorkbook } from '../../src/workbook/xlsxWorkbook';

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
/** Root is not stopped by permission bits, as an editor run by root is not. */
const asRoot = process.getuid?.() === 0;

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
    expect(stderr()).toMatch(/Cannot write .*folder\.xlsx: it is a folder\. Nothing was written;/);
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

describe('replacing a file keeps what it was: its permissions, its links, its owner', () => {
  const modeOf = (path: string) => statSync(path).mode & 0o777;

  /** A blank return made by `returns template`, with the given permission bits. */
  async function blankReturn(path: string, mode: number): Promise<void> {
    expect(await main(['template', '--framework', 'cambridgeshire', '--out', path], diskIo().io)).toBe(0);
    chmodSync(path, mode);
  }

  /** The formula in a return's "Total new referrals": null in a blank return, one once it is filled. */
  async function referralsFormula(path: string): Promise<string | null> {
    const workbook = await XlsxWorkbook.fromBytes(readFileSync(path), path);
    const total = (await workbook.names()).find((n) => n.name === 'referrals.total')!;
    return (await workbook.formulas([{ sheet: total.sheet, cell: total.range }]))[0] ?? null;
  }

  it.each<[string, string, (target: string) => string[]]>([
    ['fill --into, in place', '600', (target) => ['--into', target]],
    ['fill --out --force', '664', (target) => ['--out', target, '--force']],
  ])('%s keeps the replaced file\'s permission bits (%s), exactly', async (_, bits, where) => {
    const mode = parseInt(bits, 8);
    await blankReturn(at('return.xlsx'), mode);
    expect(await main(['fill', at('cases.csv'), ...PERIOD, ...where(at('return.xlsx'))], diskIo().io)).toBe(0);
    expect(await referralsFormula(at('return.xlsx'))).not.toBeNull();
    expect(modeOf(at('return.xlsx'))).toBe(mode);
  });

  it('a new file gets the permissions any new file gets', async () => {
    writeFileSync(at('plain.txt'), '');
    expect(await main(['fill', at('cases.csv'), ...PERIOD, '--out', at('new.xlsx')], diskIo().io)).toBe(0);
    expect(modeOf(at('new.xlsx'))).toBe(modeOf(at('plain.txt')));
  });

  it.each<[string, (target: string) => string[]]>([
    ['fill --into', (link) => ['--into', link]],
    ['fill --out --force', (link) => ['--out', link, '--force']],
  ])('%s a symbolic link writes the file it points to, in its own folder, and leaves the link a link', async (_, where) => {
    mkdirSync(at('returns'));
    await blankReturn(at('returns/return.xlsx'), 0o640);
    symlinkSync(join('returns', 'return.xlsx'), at('link.xlsx'));
    expect(await main(['fill', at('cases.csv'), ...PERIOD, ...where(at('link.xlsx'))], diskIo().io)).toBe(0);
    expect(lstatSync(at('link.xlsx')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(at('link.xlsx'))).toBe(join('returns', 'return.xlsx'));
    expect(await referralsFormula(at('returns/return.xlsx'))).not.toBeNull();
    expect(modeOf(at('returns/return.xlsx'))).toBe(0o640);
    expect(readdirSync(folder).sort()).toEqual(['cases.csv', 'link.xlsx', 'returns']);
    expect(readdirSync(at('returns'))).toEqual(['return.xlsx']);
  });

  it('a symbolic link to a file not there yet makes that file, and the link stays a link', async () => {
    symlinkSync('later.xlsx', at('link.xlsx'));
    expect(await main(['fill', at('cases.csv'), ...PERIOD, '--out', at('link.xlsx')], diskIo().io)).toBe(0);
    expect(lstatSync(at('link.xlsx')).isSymbolicLink()).toBe(true);
    expect(await referralsFormula(at('later.xlsx'))).not.toBeNull();
  });

  it('fill --into a link with --out the file it points to is refused: the return read is never written over', async () => {
    await blankReturn(at('return.xlsx'), 0o644);
    symlinkSync(at('return.xlsx'), at('link.xlsx'));
    const { io, stderr } = diskIo();
    expect(await main(['fill', at('cases.csv'), ...PERIOD, '--into', at('link.xlsx'), '--out', at('return.xlsx'), '--force'], io)).toBe(2);
    expect(stderr()).toContain(`Cannot write ${at('return.xlsx')}: it is the same file as the input ${at('link.xlsx')}`);
    expect(await referralsFormula(at('return.xlsx'))).toBeNull();
  });

  it.each<[string, (target: string) => string[]]>([
    ['fill --into', (target) => ['--into', target]],
    ['fill --out --force', (target) => ['--out', target, '--force']],
  ])('%s a read-only file: refused, the file as it was (root, whom permissions do not stop, keeps it read-only)', async (_, where) => {
    await blankReturn(at('return.xlsx'), 0o444);
    const { io, stderr } = diskIo();
    const code = await main(['fill', at('cases.csv'), ...PERIOD, ...where(at('return.xlsx'))], io);
    if (!asRoot) {
      expect(code).toBe(2);
      expect(stderr()).toContain(`Cannot write ${at('return.xlsx')}: it is read-only: you have no permission to change it.`);
      expect(await referralsFormula(at('return.xlsx'))).toBeNull();
    }
    expect(modeOf(at('return.xlsx'))).toBe(0o444);
    expect(readdirSync(folder).sort()).toEqual(['cases.csv', 'return.xlsx']);
  });

  it('a file replaced by root keeps its owner and group', async () => {
    await blankReturn(at('return.xlsx'), 0o600);
    // Only root can give a file to someone else; for anyone else the file is their own before and after.
    if (asRoot) chownSync(at('return.xlsx'), 65534, 65534);
    const { uid, gid } = statSync(at('return.xlsx'));
    expect(await main(['fill', at('cases.csv'), ...PERIOD, '--into', at('return.xlsx')], diskIo().io)).toBe(0);
    expect(await referralsFormula(at('return.xlsx'))).not.toBeNull();
    expect(statSync(at('return.xlsx'))).toMatchObject({ uid, gid });
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

  type Refusal = [string, () => string[], string];
  /** Permission bits do not stop root: these refusals are seen only by everyone else. */
  const refusedByPermissions: Refusal[] = [
    ['fill --into a read-only file', () => ['fill', at('cases.csv'), ...PERIOD, '--into', at('locked.xlsx')], 'it is read-only'],
    ['fill --out --force onto a read-only file', () => ['fill', at('cases.csv'), ...PERIOD, '--out', at('locked.xlsx'), '--force'], 'it is read-only'],
    ['fill --out into a folder you cannot write', () => ['fill', at('cases.csv'), ...PERIOD, '--out', at('shut/return.xlsx')], 'you have no permission to write in its folder'],
  ];

  it.each<Refusal>([
    ['tally --issues onto an existing file', () => ['tally', at('cases.csv'), ...PERIOD, '--issues', at('old.csv')], 'the file already exists'],
    ['fill --out onto an existing file', () => ['fill', at('cases.csv'), ...PERIOD, '--out', at('old.xlsx')], 'the file already exists'],
    ['fill --out into a folder that is not there', () => ['fill', at('cases.csv'), ...PERIOD, '--out', at('no-such-folder/return.xlsx')], 'its folder does not exist'],
    ['fill --out onto a folder, even with --force', () => ['fill', at('cases.csv'), ...PERIOD, '--out', at('a-folder.xlsx'), '--force'], 'it is a folder'],
    ['check --html onto an existing file', () => ['check', at('received.xlsx'), '--html', at('old.html')], 'the file already exists'],
    ['aggregate --out onto an existing file', () => ['aggregate', at('received.xlsx'), '--out', at('old.xlsx')], 'the file already exists'],
    ...(asRoot ? [] : refusedByPermissions),
  ])('%s: the inputs are not read', async (_, args, why) => {
    for (const name of ['old.csv', 'old.xlsx', 'old.html', 'received.xlsx', 'locked.xlsx']) writeFileSync(at(name), 'kept');
    chmodSync(at('locked.xlsx'), 0o444);
    mkdirSync(at('a-folder.xlsx'));
    mkdirSync(at('shut'), 0o555);
    const { io, read, stderr } = readsIo();
    expect(await main(args(), io)).toBe(2);
    expect(stderr()).toContain(why);
    expect(stderr()).not.toMatch(/\n\s+at /);
    expect(read.filter((path) => path === at('cases.csv') || path === at('received.xlsx'))).toEqual([]);
    for (const name of ['old.csv', 'old.xlsx', 'old.html', 'locked.xlsx']) expect(readFileSync(at(name), 'utf8')).toBe('kept');
  });
});
