import { z } from 'zod';
import { publishReturn, SUPPRESSION_SHEET } from '../commands/publishReturn';
import { PRESETS, presetSchema } from '../engine/disclosure/suppression';
import { parseFlags } from './args';
import type { CliIo } from './io';
import { returnFiles } from './returnFiles';

export const publishUsage = `Usage: returns publish RETURN.xlsx --preset under5|ons [--mapping MAPPING.json] [--framework ID] --out PUBLIC.xlsx [--force]

Writes a copy of a return safe to publish (a board paper, a freedom-of-information answer): values only, no case
rows, no formulas, no findings or free text, each figure still named by its id. Small counts are suppressed,
and other cells too so that none can be worked out from a total, a row or a column of a table; each shows [c]
with a footnote, and a Suppression sheet lists them.
  --preset under5   suppress counts of 1 to 4
  --preset ons      suppress counts of 1 to 9 and round the others to the nearest 5
RETURN.xlsx is never changed; an existing PUBLIC.xlsx is replaced only with --force.`;

const publishFlags = z.object({
  files: z.array(z.string()).length(1, 'Give one return, e.g. returns publish return.xlsx --preset under5 --out public.xlsx').refine((f) => f[0]?.toLowerCase().endsWith('.xlsx'), 'The return must be an .xlsx workbook.'),
  preset: presetSchema,
  mapping: z.string().min(1).optional(),
  framework: z.string().min(1).optional(),
  out: z.string({ error: '--out is required, e.g. --out public.xlsx.' }).regex(/\.xlsx$/i, '--out must name an .xlsx file'),
  force: z.boolean().default(false),
});

/** Suppressed cells listed in the output; the Suppression sheet has them all. */
const LISTED = 40;

export async function publishCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { preset: { type: 'string' }, mapping: { type: 'string' }, framework: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } }, publishFlags, publishUsage);
  const file = flags.files[0]!;
  const files = await returnFiles(io, flags);
  const workbook = await files.workbook(file);
  const published = await publishReturn(workbook, file, flags.preset, { frameworkFor: files.frameworkFor, mapping: files.mapping });
  const inputs = [file, ...(flags.mapping ? [flags.mapping] : []), ...(flags.framework ? [flags.framework] : [])];
  await io.writeFile(flags.out, await workbook.toBytes(), { force: flags.force, inputs });
  const count = (reason: string) => published.suppressed.filter((s) => s.reason === reason).length;
  io.out(
    [
      `Wrote ${flags.out} (${PRESETS[flags.preset].rule}): ${published.suppressed.length} cell${published.suppressed.length === 1 ? '' : 's'} suppressed as [c] — ${count('small')} small, ${count('secondary')} to protect them from the totals, ${count('percentage')} percentages or averages on them${PRESETS[flags.preset].roundTo > 1 ? `; ${published.rounded} rounded to the nearest ${PRESETS[flags.preset].roundTo}` : ''}.`,
      `Left out: ${[...published.removedSheets.map((s) => `the "${s}" sheet`), ...(published.textsRemoved ? [`${published.textsRemoved} free-text cell${published.textsRemoved === 1 ? '' : 's'}`] : []), ...(published.otherNumbersRemoved ? [`${published.otherNumbersRemoved} number${published.otherNumbersRemoved === 1 ? '' : 's'} outside the figure cells`] : [])].join(', ') || 'nothing else'}.`,
      ...published.suppressed.slice(0, LISTED).map((s) => `  [c] ${s.cell || s.id}  ${s.label} (${s.reason === 'small' ? 'small count' : s.reason === 'secondary' ? 'secondary' : 'on a suppressed count'})`),
      published.suppressed.length > LISTED ? `  … and ${published.suppressed.length - LISTED} more: the ${SUPPRESSION_SHEET} sheet of ${flags.out} lists them all.` : `The ${SUPPRESSION_SHEET} sheet of ${flags.out} lists the same.`,
    ].join('\n'),
  );
  return 0;
}
