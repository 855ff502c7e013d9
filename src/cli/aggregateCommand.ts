import { z } from 'zod';
import { consolidateReturns, providerReturn } from '../commands/consolidateReturns';
import { readEachReturn } from '../commands/receivedReturns';
import { returnFileList } from '../commands/returnFileList';
import type { ProviderReturn } from '../engine/aggregation/aggregate';
import { refuseConsolidatedInputs } from '../engine/aggregation/countedOnce';
import { checkedFile, checkReport } from '../engine/checks/checkReport';
import { periodToIso } from '../engine/tally/period';
import { InputError } from '../errors';
import { parseFlags } from './args';
import { formatCheckReport } from './formatCheckReport';
import type { CliIo } from './io';
import { frameworkChooser, mappingFile } from './loadFramework';

export const aggregateUsage = `Usage: returns aggregate FILE... | --dir FOLDER --out CONSOLIDATED.xlsx [--json] [--mapping MAPPING.json] [--previous FILE]... [--swing PCT] [--framework ID]

Adds up the providers' returns of one period into the commissioner's consolidated return.
  --out        the consolidated return: the totals in the return's own layout (checked by the same rules, with a
               Findings sheet), a "By provider" sheet (one column per provider, the total, how it was made) and a
               "Sources" sheet (the cell each figure was read from); an existing file is replaced only with --force
  --dir        aggregate every file in the folder
  --json       print {"framework", "period", "providers", "figures", "byProvider", "notes", "findings"}
  --mapping    the commissioner's own template: where its figures are (from returns map), for every file
  --previous   last period's returns (or last period's consolidated return), repeated for each file: the
               consolidated return is checked to follow on from them, and large changes are queried; they must
               be of a period ending before this one starts, and of the same providers
  --swing      the change on last period, in per cent, beyond which a figure is queried (default 25)
  --framework  a framework .json file, for returns of a framework that is not built in
Returns of different frameworks or periods are refused, never added up; so are two returns of one provider (or
with the same figures) and a consolidated return among the providers' returns, which would count providers twice. A figure blank or text in any return
has a blank total with a note naming the provider; an average is recombined only where its base is in the
returns. A provider's rate far from the other providers' (outside 1.5 × their interquartile range) is queried.
Exit codes: 0 written, no errors; 1 written, the consolidated return has errors; 2 an input could not be used.`;

const aggregateFlags = z
  .object({
    files: z.array(z.string()),
    dir: z.string().min(1).optional(),
    out: z.string({ error: '--out is required, e.g. --out consolidated.xlsx.' }).regex(/\.xlsx$/i, '--out must name an .xlsx file'),
    json: z.boolean().default(false),
    mapping: z.string().min(1).optional(),
    previous: z.array(z.string().min(1)).default([]),
    swing: z
      .string()
      .regex(/^\d+(\.\d+)?$/, '--swing is a percentage such as 25')
      .transform(Number)
      .refine((n) => n > 0, '--swing must be more than 0')
      .default(25),
    framework: z.string().min(1).optional(),
    force: z.boolean().default(false),
  })
  .refine((f) => f.files.length > 0 || f.dir !== undefined, 'Give the returns to aggregate, e.g. returns aggregate a.xlsx b.xlsx --out consolidated.xlsx, or a folder of them with --dir FOLDER');

export async function aggregateCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    args,
    { dir: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' }, mapping: { type: 'string' }, previous: { type: 'string', multiple: true }, swing: { type: 'string' }, framework: { type: 'string' }, force: { type: 'boolean' } },
    aggregateFlags,
    aggregateUsage,
  );
  const frameworkFor = await frameworkChooser(flags.framework, io);
  const mapping = await mappingFile(flags.mapping, io);
  const files = await returnFileList(io, flags.files, flags.dir);
  const guard = { force: flags.force, inputs: [...files, ...flags.previous, ...(flags.mapping ? [flags.mapping] : [])] };
  await io.checkTarget(flags.out, guard);
  const providers = usable(await readEachReturn(io, files, { frameworkFor, mapping }, providerReturn), 'aggregated');
  refuseConsolidatedInputs(providers);
  const previous = usable(await readEachReturn(io, flags.previous, { frameworkFor, mapping }, providerReturn), 'compared');

  const { aggregate, workbook, data, findings } = await consolidateReturns(providers, { source: flags.out, previous, swing: flags.swing });
  await io.writeFile(flags.out, await workbook.toBytes(), guard);
  const report = checkReport([checkedFile(data, findings)]);
  if (flags.json) {
    const { framework, period, providers, totals, byProvider, notes } = aggregate;
    io.out(JSON.stringify({ framework: framework.id, period: period ? periodToIso(period) : null, providers, figures: totals, byProvider, notes, findings }, null, 2));
  } else {
    const blank = aggregate.held.filter((id) => aggregate.totals[id] === null).length;
    io.out(
      `Wrote ${flags.out}: ${aggregate.providers.length} provider${aggregate.providers.length === 1 ? '' : 's'} (${aggregate.providers.map((p) => p.name).join(', ')}), ${aggregate.held.length - blank} figures totalled${blank ? `, ${blank} left blank with a note saying why (see its "By provider" sheet)` : ''}.\n\n${formatCheckReport(report)}`,
    );
  }
  return report.summary.error > 0 ? 1 : 0;
}

/** Every file read, or the command refused naming each that could not be: never a total of only some of them. */
function usable(entries: (ProviderReturn | { file: string; error: string })[], what: string): ProviderReturn[] {
  const failed = entries.filter((e): e is { file: string; error: string } => 'error' in e);
  if (failed.length)
    throw new InputError(
      `${failed.length} of the ${entries.length} files could not be read, so the returns were not ${what} (a total without them would pass for the whole):\n${failed.map((f) => `  ${f.error}`).join('\n')}\nFix or take out ${failed.length === 1 ? 'that file' : 'those files'}, and run the command again.`,
    );
  return entries.filter((e): e is ProviderReturn => !('error' in e));
}
