import { basename, extname } from 'node:path';
import type { Framework } from '../frameworks/schema';
import type { Mapping } from '../engine/mapping/mapping';
import { InputError } from '../errors';
import type { ReturnFiles } from './returnFileList';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import { readExplanations } from './annotateReturn';
import { consolidatedProviders } from './consolidateReturns';
import { readReturn, type ReadReturn } from './readReturn';


/** A return received from a provider, read: its workbook, figures, provider's name and typed explanations. */
export interface ReceivedReturn {
  file: string;
  workbook: XlsxWorkbook;
  read: ReadReturn;
  /** The provider's name from the workbook's provider cell; the file's name where it has none. */
  provider: string;
  /** The providers it totals, where it is a consolidated return (made by returns aggregate); null: a provider's own. */
  consolidates: string[] | null;
  /** The explanations the provider typed in the Findings sheet, by finding key (see explanationKey). */
  explanations: Map<string, string>;
}

/** How to read the returns: the frameworks they may be of, and the commissioner's template mapping if any. */
export interface ReadOptions {
  frameworkFor?: (id: string) => Framework;
  mapping?: Mapping | null;
}

/** One file given: the return read, or why it could not be (a corrupt, foreign or unmapped file). */
export type ReceivedEntry = ReceivedReturn | { file: string; error: string };

export const isReceived = (entry: ReceivedEntry): entry is ReceivedReturn => !('error' in entry);


/**
 * Reads one received workbook as a return, from `returns template` or through the commissioner's mapping. A
 * file that cannot be used is an entry with its message, so one bad file never stops the others.
 */
export async function readReceivedReturn(io: ReturnFiles, file: string, options: ReadOptions = {}): Promise<ReceivedEntry> {
  try {
    if (extname(file).toLowerCase() !== '.xlsx')
      throw new InputError(`${file} is not an Excel workbook (.xlsx), so it is not a return. Save the return as .xlsx, or take the file out of the folder.`);
    const workbook = await XlsxWorkbook.fromBytes(await io.readFile(file), file);
    const read = await readReturn(workbook, file, options.frameworkFor, options.mapping ?? null);
    return { file, workbook, read, provider: read.data.provider ?? basename(file, extname(file)), consolidates: await consolidatedProviders(workbook), explanations: await readExplanations(workbook) };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return { file, error: e.message };
  }
}

/** Reads each file in turn: one entry per file, in the order given. */
export function readReceivedReturns(io: ReturnFiles, files: readonly string[], options: ReadOptions = {}): Promise<ReceivedEntry[]> {
  return readEachReturn(io, files, options, (r) => r);
}

/**
 * Reads each file in turn and keeps only what `keep` takes from it, so a folder of many providers' workbooks is
 * never all in memory at once.
 */
export async function readEachReturn<T>(io: ReturnFiles, files: readonly string[], options: ReadOptions, keep: (received: ReceivedReturn) => T): Promise<(T | { file: string; error: string })[]> {
  const entries: (T | { file: string; error: string })[] = [];
  for (const file of files) {
    const entry = await readReceivedReturn(io, file, options);
    entries.push(isReceived(entry) ? keep(entry) : entry);
  }
  return entries;
}
