import { z } from 'zod';
import { fixListCsv } from '../engine/report/fixList';
import { tallyTable } from '../engine/report/tallyReport';
import { InputError } from '../errors';
import { periodFromIso } from '../engine/tally/period';
import { readTable } from '../tables/readTable';
import { parseFlags } from './args';
import { formatTallyReport } from './formatTallyReport';
import type { CliIo } from './io';
import { loadFramework, profileFlag, profileUsage, valuesFile } from './loadFramework';

export const tallyUsage = `Usage: returns tally FILE --framework ID --from YYYY-MM-DD --to YYYY-MM-DD [--profile ID] [--values VALUES.json] [--sheet NAME] [--json] [--all] [--issues FIX.csv [--force]]

Counts every figure of the return for the period from a case-data export (CSV, TSV or .xlsx).
  --framework  cambridgeshire, or the path of a framework .json file
  --from/--to  the period, both days included
  --values     your export's own spellings of category values, e.g. {"crime": {"Blackmail": "fraud"}}
  --sheet      the worksheet holding the cases (default: the first)
  --json       print the figures, row issues and lists as JSON
  --all        also print the demographic cross-tables by crime type
  --issues     write every row issue to a CSV fix list (row, Case ID, column, value, problem, what to do)
               to take back to the case-management system; an existing file is kept unless --force
${profileUsage}`;

const required = (flag: string, example: string) => z.string({ error: `--${flag} is required, e.g. --${flag} ${example}.` }).min(1);

const tallyFlags = z.object({
  files: z.array(z.string()).length(1, 'Give exactly one case-data file, e.g. returns tally cases.csv --framework cambridgeshire …'),
  framework: required('framework', 'cambridgeshire'),
  from: required('from', '2020-04-01'),
  to: required('to', '2020-09-30'),
  values: z.string().min(1).optional(),
  profile: z.string().min(1).optional(),
  sheet: z.string().min(1).optional(),
  json: z.boolean().default(false),
  all: z.boolean().default(false),
  issues: z.string().regex(/\.csv$/i, '--issues must name a .csv file, e.g. --issues fixes.csv').optional(),
  force: z.boolean().default(false),
});

export async function tallyCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    args,
    { framework: { type: 'string' }, values: { type: 'string' }, profile: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, sheet: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' }, issues: { type: 'string' }, force: { type: 'boolean' } },
    tallyFlags,
    tallyUsage,
  );
  const period = periodFromIso(flags.from, flags.to);
  const framework = (await valuesFile(flags.values, io))(await loadFramework(flags.framework, io));
  const file = flags.files[0]!;
  const table = await readTable(await io.readFile(file), file, { sheet: flags.sheet });
  if (flags.issues && flags.issues === file) throw new InputError('--issues must name a new file: the case data is never written over.');
  const profile = profileFlag(framework, flags.profile);
  const report = { ...tallyTable(table, framework, period), ...(profile ? { profile } : {}) };
  if (flags.issues) {
    await io.writeFile(flags.issues, new TextEncoder().encode(fixListCsv(report.rowIssues)), { force: flags.force, inputs: [file, ...(flags.values ? [flags.values] : [])] });
    io.err(`Wrote ${flags.issues}: ${report.rowIssues.length} row issue${report.rowIssues.length === 1 ? '' : 's'} to fix.`);
  }
  io.out(flags.json ? JSON.stringify(report, null, 2) : formatTallyReport(report, framework, { all: flags.all }));
  return 0;
}
