import { z } from 'zod';
import type { Framework } from '../frameworks/schema';
import type { EventRows } from '../engine/events/eventImport';
import { InputError } from '../errors';
import { readTable } from '../tables/readTable';
import type { CliIo } from './io';

/** The --events flag: each event table as TABLE=FILE. */
export const eventsFlag = z.array(z.string().regex(/^[a-z0-9_]+=.+$/, '--events takes TABLE=FILE, e.g. --events contacts=contacts.csv')).default([]);

export const eventsUsage = `  --events     an event table beside the case data, as TABLE=FILE (CSV, TSV or .xlsx), e.g.
               --events contacts=contacts.csv; repeat it for each table the framework has (returns frameworks
               show ID lists them). Its rows are joined to the cases by Case ID`;

/** Reads each event table named by --events, checking the table is one of the framework's and given once. */
export async function readEventFiles(io: CliIo, framework: Framework, given: readonly string[], cases: readonly string[]): Promise<EventRows[]> {
  const seen = new Set<string>();
  const known = framework.events.map((t) => t.id);
  const read: EventRows[] = [];
  for (const flag of given) {
    const at = flag.indexOf('=');
    const table = flag.slice(0, at);
    const file = flag.slice(at + 1);
    if (!known.includes(table))
      throw new InputError(`--events ${flag}: ${framework.title} has ${known.length ? `the event tables ${known.join(', ')}` : 'no event tables'}, not "${table}".${known.length ? ` Write e.g. --events ${known[0]}=FILE.` : ' Leave out --events.'}`);
    if (seen.has(table)) throw new InputError(`--events gives the ${table} table twice: give each table once.`);
    if (cases.includes(file)) throw new InputError(`--events ${flag}: ${file} is the case data; give the ${table} table's own file.`);
    seen.add(table);
    read.push({ table, rows: await readTable(await io.readFile(file), file, {}) });
  }
  return read;
}
