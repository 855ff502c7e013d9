import { constants, createReadStream, type Stats } from 'node:fs';
import { access, chmod, chown, link, readdir, readFile, readlink, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
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
   * Refuses at once a write that `writeFile` would refuse (over an input, over an existing file without `force`, over a
   * read-only file, onto a folder, into a folder that is not there or not writable), so a long run does not end in the
   * refusal. `writeFile` still checks.
   */
  checkTarget(path: string, guard: WriteGuard): Promise<void>;
  /**
   * Writes a whole file or nothing (given whole, or in pieces written one after another), never over an input, and over
   * an existing file only with `force` and only where the user may write it; a replaced file keeps its permissions and a
   * symbolic link stays a link (the file it points to is written).
   */
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

/**
 * The file a write to `path` lands in: where symbolic links lead, followed by hand where the file is not there yet,
 * so the temporary file is made beside it and a link is left a link.
 */
async function landingPath(path: string): Promise<string> {
  let at = resolve(path);
  for (let hop = 0; hop < 40; hop++) {
    const real = await realpath(at).catch(() => null);
    if (real !== null) return real;
    const next = await readlink(at).catch(() => null);
    if (next === null) return at;
    at = resolve(dirname(at), next);
  }
  return at;
}

const cannotWrite = (path: string, why: string) => new InputError(`Cannot write ${path}: ${why}. Nothing was written; name a file in a folder you can write to.`);

/** Refuses what `writeFile` will not do, before anything is written; says where the write lands and what it replaces. */
async function plannedWrite(path: string, guard: WriteGuard): Promise<{ real: string; replaced: Stats | null }> {
  await guardTarget(path, guard);
  const real = await landingPath(path);
  const replaced = await stat(real).catch(() => null);
  if (replaced?.isDirectory()) throw cannotWrite(path, 'it is a folder');
  // Renaming over a file needs only its folder to be writable: the file's own permission is asked, as an editor would.
  if (replaced && (await access(real, constants.W_OK).then(() => false, () => true)))
    throw new InputError(`Cannot write ${path}: it is read-only: you have no permission to change it. Nothing was written; make it writable first, or write to a new file.`);
  const why = await access(dirname(real), constants.W_OK).then(() => null, (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? 'its folder does not exist' : e.code === 'EACCES' || e.code === 'EPERM' ? 'you have no permission to write in its folder' : whyNotWritten(e)));
  if (why) throw cannotWrite(path, why);
  return { real, replaced };
}

/** Gives the temporary file the replaced file's permission bits and, where allowed, its owner and group. */
async function keepAccess(temporary: string, replaced: Stats): Promise<void> {
  // Only root may give a file away, and only a member may move it to a group: otherwise it stays the writer's.
  await chown(temporary, replaced.uid, replaced.gid).catch(() => undefined);
  await chmod(temporary, replaced.mode & 0o777);
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
    await plannedWrite(path, guard);
  },
  writeFile: async (path, bytes, guard) => {
    const { real, replaced } = await plannedWrite(path, guard);
    await removeLeftovers(real);
    const temporary = partialPath(real, process.pid);
    try {
      // Made no more open than the file it replaces (the umask only narrows), then given its exact bits before it takes its place.
      await writeFile(temporary, bytes, { flag: 'wx', ...(replaced ? { mode: replaced.mode & 0o777 } : {}) });
      if (replaced) await keepAccess(temporary, replaced);
      if (guard.force) await rename(temporary, real);
      else {
        // A link fails if the target appeared since the guard looked: a file is never replaced without --force.
        await link(temporary, real).catch(async (e: NodeJS.ErrnoException) => {
          if (e.code === 'EEXIST') throw writeRefusals.exists(path);
          await rename(temporary, real);
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
