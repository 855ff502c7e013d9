import { z } from 'zod';
import { FixList } from '../engine/report/fixList';
import { InputError } from '../errors';
import { periodFromIso } from '../engine/tally/period';
import { parseFlags } from './args';
import { eventsFlag, eventsUsage, readEventFiles } from './eventFiles';
import type { CliIo } from './io';
import { loadFramework, profileFlag, profileUsage, valuesFile } from './loadFramework';
import { progressLine } from './progressLine';
import { tallyFile } from './tallyFile';

/** Row issues of each kind given in full; beyond them only their rows, so a huge export's report stays readable. */
const ISSUES_IN_FULL = 1000;
/** Grouped in thousands without Intl: touching Intl while the command loads costs a tally a tenth of a second. */
const ISSUES_IN_FULL_TEXT = String(ISSUES_IN_FULL).replace(/\B(?=(\d{3})+$)/g, ',');

export const tallyUsage = `Usage: returns tally FILE --framework ID --from YYYY-MM-DD --to YYYY-MM-DD [--events TABLE=FILE …] [--profile ID] [--values VALUES.json] [--sheet NAME] [--json] [--all] [--issues FIX.csv [--force]] [--quiet]

Counts every figure of the return for the period from a case-data export (CSV, TSV or .xlsx).
  --framework  cambridgeshire, or the path of a framework .json file
  --from/--to  the period, both days included
  --values     your export's own spellings of category values and yes/no answers, e.g. {"crime": {"Blackmail": "fraud"}, "accepted": {"Took up offer": "yes"}}
${eventsUsage}
  --sheet      the worksheet holding the cases (default: the first)
  --json       print the figures, row issues and lists as JSON: the first ${ISSUES_IN_FULL_TEXT} issues of each kind in full,
               the rest by row (moreRowIssues)
  --all        also print the demographic cross-tables by crime type
  --issues     write every row issue to a CSV fix list (file, with the sheet of a workbook; row, Case ID, column,
               value, problem, what to do) to take back to the case-management system; an existing file is kept
               unless --force
  --quiet      no progress line while a big file is read (there is none unless stderr is a terminal)
${profileUsage}`;

const required = (flag: string, example: string) => z.string({ error: `--${flag} is required, e.g. --${flag} ${example}.` }).min(1);

const tallyFlags = z.object({
  files: z.array(z.string()).length(1, 'Give exactly one case-data file, e.g. returns tally cases.csv --framework cambridgeshire …'),
  framework: required('framework', 'cambridgeshire'),
  from: required('from', '2020-04-01'),
  to: required('to', '2020-09-30'),
  values: z.string().min(1).optional(),
  events: eventsFlag,
  profile: z.string().min(1).optional(),
  sheet: z.string().min(1).optional(),
  json: z.boolean().default(false),
  all: z.boolean().default(false),
  issues: z.string().regex(/\.csv$/i, '--issues must name a .csv file, e.g. --issues fixes.csv').optional(),
  force: z.boolean().default(false),
  quiet: z.boolean().default(false),
});

export async function tallyCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    args,
    { framework: { type: 'string' }, values: { type: 'string' }, events: { type: 'string', multiple: true }, profile: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, sheet: { type: 'string' }, json: { type: 'boolean' }, all: { type: 'boolean' }, issues: { type: 'string' }, force: { type: 'boolean' }, quiet: { type: 'boolean' } },
    tallyFlags,
    tallyUsage,
  );
  const period = periodFromIso(flags.from, flags.to);
  const framework = (await valuesFile(flags.values, io))(await loadFramework(flags.framework, io));
  const file = flags.files[0]!;
  if (flags.issues && flags.issues === file) throw new InputError('--issues must name a new file: the case data is never written over.');
  const fixes = flags.issues ? new FixList() : undefined;
  const profile = profileFlag(framework, flags.profile);
  const events = await readEventFiles(io, framework, flags.events, [file]);
  const issuesGuard = { force: flags.force, inputs: [file, ...(flags.values ? [flags.values] : []), ...events.map((e) => e.rows.source)] };
  if (flags.issues) await io.checkTarget(flags.issues, issuesGuard);
  const tallied = await tallyFile(io, file, framework, period, {
    ...(flags.sheet ? { sheet: flags.sheet } : {}),
    issueLimit: ISSUES_IN_FULL,
    profile,
    ...(fixes ? { fixList: fixes } : {}),
    ...(flags.quiet ? {} : { onProgress: progressLine(io) }),
  }, events);
  const report = { ...tallied, ...(profile ? { profile } : {}) };
  if (flags.issues && fixes) {
    await io.writeFile(flags.issues, fixes.bytes(), issuesGuard);
    io.err(`Wrote ${flags.issues}: ${fixes.issues} row issue${fixes.issues === 1 ? '' : 's'} to fix.`);
  }
  // The text report is loaded only when asked for: it sets up number formatting, which --json never needs.
  io.out(flags.json ? JSON.stringify(report, null, 2) : (await import('./formatTallyReport')).formatTallyReport(report, framework, { all: flags.all }));
  return 0;
}
