import { access, readFile, rename, writeFile } from 'node:fs/promises';
import { InputError } from '../errors';

/** What a command needs from the outside world, so tests can run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Writes a whole file or nothing: a half-written workbook is never left behind. With `overwrite: false`, an
   * existing file is refused (the command's --force allows it).
   */
  writeFile(path: string, bytes: Uint8Array, options?: { overwrite?: boolean }): Promise<void>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readFile: async (path) => {
    try {
      return new Uint8Array(await readFile(path));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission was refused' : 'it could not be read';
      throw new InputError(`Cannot read ${path}: ${why}. Check the path and try again.`);
    }
  },
  writeFile: async (path, bytes, options = {}) => {
    if (options.overwrite === false && (await exists(path))) throw existingFileError(path);
    const temporary = `${path}.${process.pid}.partial`;
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission was refused (is it open in Excel?)' : 'it could not be written';
      throw new InputError(`Cannot write ${path}: ${why}. Nothing was written.`);
    }
  },
};

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export function existingFileError(path: string): InputError {
  return new InputError(`${path} already exists and was left as it is: give a new file name, or add --force to replace it.`);
}
