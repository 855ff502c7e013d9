import { constants, createReadStream } from 'node:fs';
import { access, link, readdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors';

/** What a write may replace: an existing target only with --force, an input never. */
export interface WriteGuard {
  /** The user said --force: an existing file at the target may be replaced. */
  force: boolean;
  /** The files this command read: never written over, however they are named (./x, a symlink, a hard link). */
  inputs: readonly string[];
}

/** What a command needs from the outside world, so tests can run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** The files directly in a folder (not its subfolders, hidden files or Excel's lock files), as paths, sorted. */
  listFolder(path: string): Promise<string[]>;
  /** A file read as a stream of chunks, with its size: lets a big export be read without holding it. */
  openFile?(path: string): Promise<{ size: number; chunks: () => AsyncIterable<Uint8Array> }>;
  /** Where a file is on this machine's disk, for another thread to read part of it itself; absent where files are not on disk. */
  diskPath?(path: string): string;
  /** A line of progress replacing the last one; only where someone watches the terminal. */
  status?(text: string): void;
  /**
   * Refuses at once a write that `writeFile` would refuse (over an input, over an existing file without `force`, into
   * a folder that is not there or not writable), so a long run does not end in the refusal. `writeFile` still checks.
   */
  checkTarget(path: string, guard: WriteGuard): Promise<void>;
  /** Writes a whole file or nothing (given whole, or in pieces written one after another), never over an input, and over an existing file only with `force`. */
  writeFile(path: string, bytes: Uint8Array | readonly Uint8Array[], guard: WriteGuard): Promise<void>;
}

/** The two refusals every face of a write gives, in one wording. */
export const writeRefusals = {
  input: (path: string, input: string) =>
    new InputError(`Cannot write ${path}: it is ${path === input ? 'an input of this command' : `the same file as the input ${input}`}, which is never written over. Name a new file.`),
  exists: (path: string) => new InputError(`Cannot write ${path}: the file already exists. Name a new file, or add --force to replace it.`),
};

/** The temporary file a write goes through: beside the target (so the rename is atomic) and named by the process. */
export const partialPath = (path: string, pid: number) => join(dirname(path), `${basename(path)}.${pid}.partial`);
const PARTIAL = /^(.*)\.(\d+)\.partial$/;

/** A file's identity on disk, or null when there is none: the same file under any name has the same one. */
async function identity(path: string): Promise<{ real: string; key: string } | null> {
  try {
    const s = await stat(path);
    return { real: await realpath(path), key: `${s.dev}:${s.ino}` };
  } catch {
    return null;
  }
}

/** Refuses a target that is one of the inputs (by real path or file identity), or that exists without --force. */
export async function guardTarget(path: string, guard: WriteGuard): Promise<void> {
  const target = await identity(path);
  for (const input of guard.inputs) {
    const same = resolve(input) === resolve(path) || (target !== null && (await identity(input).then((i) => i !== null && (i.real === target.real || i.key === target.key))));
    if (same) throw writeRefusals.input(path, input);
  }
  if (target !== null && !guard.force) throw writeRefusals.exists(path);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what a killed run left beside the target: its temporary files, whose process is gone. */
async function removeLeftovers(path: string): Promise<void> {
  const folder = dirname(path);
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = PARTIAL.exec(entry);
    if (m && m[1] === basename(path) && !isRunning(Number(m[2]))) await unlink(join(folder, entry)).catch(() => undefined);
  }
}

function whyNotWritten(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'its folder does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'permission was refused (is it open in Excel?)'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'ENOSPC' ? 'the disk is full'
    : 'it could not be written';
}

/** Files a folder listing leaves out: hidden ones, and the lock file Excel keeps beside a workbook it has open. */
export const hiddenOrLock = (name: string) => name.startsWith('.') || name.startsWith('~$');

function cannotRead(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission was refused' : 'it could not be read';
  return new InputError(`Cannot read ${path}: ${why}. Check the path and try again.`);
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readFile: async (path) => {
    try {
      return new Uint8Array(await readFile(path));
    } catch (e) {
      throw cannotRead(path, e);
    }
  },
  listFolder: async (path) => {
    try {
      const entries = await readdir(path, { withFileTypes: true });
      return entries.filter((e) => e.isFile() && !hiddenOrLock(e.name)).map((e) => join(path, e.name)).sort();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'there is no such folder' : code === 'ENOTDIR' ? 'it is a file, not a folder' : code === 'EACCES' ? 'permission was refused' : 'it could not be read';
      throw new InputError(`Cannot read the folder ${path}: ${why}. Check the path and try again.`);
    }
  },
  diskPath: (path) => resolve(path),
  openFile: async (path) => {
    let size: number;
    try {
      const found = await stat(path);
      if (found.isDirectory()) throw Object.assign(new Error(path), { code: 'EISDIR' });
      size = found.size;
    } catch (e) {
      throw cannotRead(path, e);
    }
    return {
      size,
      chunks: async function* () {
        try {
          // A Buffer is a Uint8Array: each chunk is handed on as it is, never copied.
          for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
        } catch (e) {
          throw cannotRead(path, e);
        }
      },
    };
  },
  ...(process.stderr.isTTY ? { status: (text: string) => process.stderr.write(`\r${text}\x1b[K`) } : {}),
  checkTarget: async (path, guard) => {
    await guardTarget(path, guard);
    const why = await stat(path).then((s) => (s.isDirectory() ? 'it is a folder' : null), () => null) ?? await access(dirname(resolve(path)), constants.W_OK).then(() => null, whyNotWritten);
    if (why) throw new InputError(`Cannot write ${path}: ${why}. Nothing was done; name a file in a folder you can write to.`);
  },
  writeFile: async (path, bytes, guard) => {
    await removeLeftovers(path);
    await guardTarget(path, guard);
    const temporary = partialPath(path, process.pid);
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      if (guard.force) await rename(temporary, path);
      else {
        // A link fails if the target appeared since the guard looked: a file is never replaced without --force.
        await link(temporary, path).catch(async (e: NodeJS.ErrnoException) => {
          if (e.code === 'EEXIST') throw writeRefusals.exists(path);
          await rename(temporary, path);
        });
        await unlink(temporary).catch(() => undefined);
      }
    } catch (e) {
      await unlink(temporary).catch(() => undefined);
      if (e instanceof InputError) throw e;
      throw new InputError(`Cannot write ${path}: ${whyNotWritten(e)}. Nothing was written.`);
    }
  },
};
