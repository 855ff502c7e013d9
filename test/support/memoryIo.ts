import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { guardTarget, hiddenOrLock, processIo, writeRefusals, type CliIo } from '../../src/cli/io';

/**
 * Runs CLI commands in-process: files come from memory first, then from disk; output is captured. Writes go to
 * memory under the same rules as on disk: never over an input, over an existing file only with --force.
 */
export function memoryIo(files: Record<string, string | Uint8Array> = {}) {
  const written: Record<string, Uint8Array> = {};
  const out: string[] = [];
  const err: string[] = [];
  const inMemory = (path: string) => Object.keys({ ...files, ...written }).filter((p) => resolve(p) === resolve(path));
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    checkTarget: async (path, guard) => {
      const input = guard.inputs.find((i) => resolve(i) === resolve(path));
      if (input !== undefined) throw writeRefusals.input(path, input);
      if (inMemory(path).length && !guard.force) throw writeRefusals.exists(path);
      if (existsSync(path)) await guardTarget(path, guard);
    },
    writeFile: async (path, bytes, guard) => {
      await io.checkTarget(path, guard);
      written[path] = bytes instanceof Uint8Array ? bytes : Buffer.concat(bytes);
    },
    listFolder: async (path) => {
      const here = Object.keys({ ...files, ...written }).filter((p) => resolve(dirname(p)) === resolve(path) && !hiddenOrLock(p.split(/[\\/]/).pop()!));
      // A folder held only in memory lists its files; any other is listed (or refused) as on disk.
      const onDisk = here.length && !existsSync(path) ? [] : await processIo.listFolder(path);
      return [...new Set([...here, ...onDisk])].sort();
    },
    readFile: async (path) => {
      const file = written[path] ?? files[path];
      if (file === undefined) return processIo.readFile(path);
      return typeof file === 'string' ? new TextEncoder().encode(file) : file;
    },
  };
  return { io, written, stdout: () => out.join('\n'), stderr: () => err.join('\n') };
}
