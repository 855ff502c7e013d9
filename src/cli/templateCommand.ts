import { z } from 'zod';
import { returnSheets } from '../commands/returnLayout';
import { blankCaseDataSheet } from '../commands/caseTable';
import { jsDateOfDay } from '../engine/cases/dates';
import { periodFromIso } from '../engine/tally/period';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import { parseFlags } from './args';
import type { CliIo } from './io';
import { loadFramework, profileFlag, profileUsage } from './loadFramework';

export const templateUsage = `Usage: returns template --framework ID --out FILE.xlsx [--from YYYY-MM-DD --to YYYY-MM-DD] [--profile ID]

Writes the commissioner's return as a clean workbook: every figure in a named cell, the period, the narrative
inputs and a sheet to paste the case data into. An existing file is replaced only with --force.
${profileUsage}`;

const templateFlags = z
  .object({
    files: z.array(z.string()).max(0, 'returns template takes no file: give --out FILE.xlsx'),
    framework: z.string({ error: '--framework is required, e.g. --framework cambridgeshire.' }).min(1),
    out: z.string({ error: '--out is required, e.g. --out return.xlsx.' }).regex(/\.xlsx$/i, '--out must name an .xlsx file'),
    from: z.string().optional(),
    to: z.string().optional(),
    profile: z.string().min(1).optional(),
    force: z.boolean().default(false),
  })
  .refine((f) => (f.from === undefined) === (f.to === undefined), 'Give both --from and --to, or neither.');

export async function templateCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { framework: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, profile: { type: 'string' }, force: { type: 'boolean' } }, templateFlags, templateUsage);
  const framework = await loadFramework(flags.framework, io);
  // Given at all, the period is read (an empty --from is a mistake to tell, not no period).
  const period = flags.from !== undefined && flags.to !== undefined ? periodFromIso(flags.from, flags.to) : null;
  const profile = profileFlag(framework, flags.profile);
  const workbook = XlsxWorkbook.create();
  const { operations } = returnSheets(framework, () => null, { profile, ...(period ? { period: { from: jsDateOfDay(period.from), to: jsDateOfDay(period.to) } } : {}) });
  await workbook.apply([...operations, ...blankCaseDataSheet(framework)]);
  await io.writeFile(flags.out, await workbook.toBytes(), { force: flags.force, inputs: [] });
  io.out(`Wrote the ${framework.title} template (version ${framework.version}) to ${flags.out}.`);
  return 0;
}
