import { z } from 'zod';
import { meetingPackOf } from '../commands/meetingPackOf';
import { packHtml } from '../engine/report/packHtml';
import { parseFlags } from './args';
import type { CliIo } from './io';
import { returnFiles } from './returnFiles';

export const reportUsage = `Usage: returns report RETURN.xlsx [--previous FILE]... [--mapping MAPPING.json] [--framework ID] --out PACK.html [--force]

Writes a contract manager's meeting pack as one page that opens offline and prints on A4: headline figures
with their bases and change on earlier periods, targets met or not (not judged on too small a base), charts
period by period, open errors and queries with the provider's explanations, and data quality.
  --previous   an earlier period's return (.xlsx or tally JSON); give it again for more periods. Each must be of
               the same return and provider and end before this return's period starts
  --mapping    the commissioner's own template: where its figures are (from returns map)
An existing PACK.html is replaced only with --force.`;

const reportFlags = z.object({
  files: z.array(z.string()).length(1, 'Give one return, e.g. returns report return.xlsx --out pack.html').refine((f) => f[0]?.toLowerCase().endsWith('.xlsx'), 'The return must be an .xlsx workbook.'),
  previous: z.array(z.string().min(1)).default([]),
  mapping: z.string().min(1).optional(),
  framework: z.string().min(1).optional(),
  out: z.string({ error: '--out is required, e.g. --out pack.html.' }).regex(/\.html?$/i, '--out must name an .html file'),
  force: z.boolean().default(false),
});

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    args,
    { previous: { type: 'string', multiple: true }, mapping: { type: 'string' }, framework: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    reportFlags,
    reportUsage,
  );
  const file = flags.files[0]!;
  const files = await returnFiles(io, flags);
  const previous = [];
  for (const p of flags.previous) previous.push(await files.read(p));
  const pack = await meetingPackOf(await files.workbook(file), file, previous, { frameworkFor: files.frameworkFor, mapping: files.mapping });
  const inputs = [file, ...flags.previous, ...(flags.mapping ? [flags.mapping] : []), ...(flags.framework ? [flags.framework] : [])];
  await io.writeFile(flags.out, new TextEncoder().encode(packHtml(pack)), { force: flags.force, inputs });
  const judged = pack.targets.filter((t) => t.status === 'met' || t.status === 'not_met');
  io.out(
    `Wrote ${flags.out}: ${pack.headlines.length} headline figures, ${pack.charts.length} charts, ${judged.length} of ${pack.targets.length} targets judged (${judged.filter((t) => t.status === 'met').length} met), ${pack.findings.length} open error${pack.findings.length === 1 ? '' : 's'} and quer${pack.findings.length === 1 ? 'y' : 'ies'}.`,
  );
  return 0;
}
