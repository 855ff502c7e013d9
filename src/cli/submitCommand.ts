import { z } from 'zod';
import { prepareSubmission } from '../commands/prepareSubmission';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import { parseFlags } from './args';
import type { CliIo } from './io';

export const submitUsage = `Usage: returns submit FILLED.xlsx --out SUBMISSION.xlsx [--force]

Writes the copy of a filled return to send to the commissioner: figures, narrative, findings and explanations,
each figure still named so the commissioner's checks read it, and no case data: the "Case data" and "Cases"
sheets, every formula and every name that reaches them are removed, and Case IDs are taken out of the text.
Send SUBMISSION.xlsx; keep FILLED.xlsx (with its cases) on your machine. An existing file is replaced only with
--force; FILLED.xlsx is never changed.`;

const submitFlags = z.object({
  files: z.array(z.string()).length(1, 'Give the filled return, e.g. returns submit filled.xlsx --out submission.xlsx').refine((f) => f[0]?.toLowerCase().endsWith('.xlsx'), 'The filled return must be an .xlsx workbook.'),
  out: z.string({ error: '--out is required, e.g. --out submission.xlsx.' }).regex(/\.xlsx$/i, '--out must name an .xlsx file'),
  force: z.boolean().default(false),
});

export async function submitCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { out: { type: 'string' }, force: { type: 'boolean' } }, submitFlags, submitUsage);
  const file = flags.files[0]!;
  const workbook = await XlsxWorkbook.fromBytes(await io.readFile(file), file);
  const { removedSheets, valuesFixed, namesRemoved, textsCleaned } = await prepareSubmission(workbook, file);
  await io.writeFile(flags.out, await workbook.toBytes(), { force: flags.force, inputs: [file] });
  io.out(
    [
      `Wrote ${flags.out}, the copy to send to the commissioner: ${valuesFixed} formula${valuesFixed === 1 ? '' : 's'} replaced by ${valuesFixed === 1 ? 'its value' : 'their values'}, ${removedSheets.length ? `the sheet${removedSheets.length === 1 ? '' : 's'} ${removedSheets.map((s) => `"${s}"`).join(' and ')} and ${namesRemoved} name${namesRemoved === 1 ? '' : 's'} pointing into ${removedSheets.length === 1 ? 'it' : 'them'} removed` : 'no case sheets found'}${textsCleaned ? `; Case IDs taken out of ${textsCleaned} text${textsCleaned === 1 ? '' : 's'}` : ''}.`,
      removedSheets.length ? `Send ${flags.out}; keep ${file} with its case data on your machine.` : `Send ${flags.out}.`,
    ].join('\n'),
  );
  return 0;
}
