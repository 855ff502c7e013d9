import { InputError } from '../errors';

/** What reading received returns needs from outside: the CLI's io gives it, a test gives files in memory. */
export interface ReturnFiles {
  readFile(path: string): Promise<Uint8Array>;
  /** The files directly in a folder, as paths, sorted. */
  listFolder(path: string): Promise<string[]>;
}

/**
 * The files a command is to read: those named, then every file of --dir (not its subfolders). Nothing given is
 * the caller's usage message; an empty folder says so.
 */
export async function returnFileList(io: ReturnFiles, files: readonly string[], dir: string | undefined): Promise<string[]> {
  const listed = dir === undefined ? [] : await io.listFolder(dir);
  if (dir !== undefined && listed.length === 0) throw new InputError(`The folder ${dir} holds no files. Put the returns received in it, or name them.`);
  return [...new Set([...files, ...listed])];
}
