import { existingFileError, processIo, type CliIo } from '../../src/cli/io';

/** Runs CLI commands in-process: files come from memory first, then from disk; output is captured. */
export function memoryIo(files: Record<string, string | Uint8Array> = {}) {
  const written: Record<string, Uint8Array> = {};
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    writeFile: async (path, bytes, options = {}) => {
      if (options.overwrite === false && (written[path] ?? files[path]) !== undefined) throw existingFileError(path);
      written[path] = bytes;
    },
    readFile: async (path) => {
      const file = written[path] ?? files[path];
      if (file === undefined) return processIo.readFile(path);
      return typeof file === 'string' ? new TextEncoder().encode(file) : file;
    },
  };
  return { io, written, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}
