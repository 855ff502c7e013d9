import { withSheetsEmptied } from '../workbook/zipPackage';
import { z } from 'zod';
import { fillReturn } from '../commands/fillReturn';
import { rowIssueCount } from '../engine/report/tallyReport';
import { readCaseData } from '../commands/readCaseData';
import { rowSheetNames } from '../commands/returnLayout';
import { periodFromIso } from '../engine/tally/period';
import { readTable } from '../tables/readTable';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import { sheetXmlStreams } from '../workbook/sheetXmlStreams';
import type { RawTable } from '../engine/cases/rawTable';
import type { CaseRowStream } from '../commands/caseRows';
import { openCaseRows } from './caseFile';
import { parseFlags } from './args';
import type { CliIo } from './io';
import { eventsFlag, eventsUsage, readEventFiles } from './eventFiles';
import { loadFramework, mappingFile, profileFlag, profileUsage, valuesFile } from './loadFramework';

export const fillUsage = `Usage: returns fill [CASES] --framework ID --from YYYY-MM-DD --to YYYY-MM-DD [--events TABLE=FILE …] (--out FILE.xlsx | --into RETURN.xlsx [--mapping MAPPING.json] [--out FILE.xlsx]) [--overwrite] [--profile ID] [--values VALUES.json] [--sheet NAME] [--force]

Fills the return from case data: the cases as pasted, a normalised case table, and a live formula in every
figure cell (with its value, for viewers that do not recalculate). CASES is a CSV, TSV or .xlsx export;
without it, --into takes the cases pasted into the return's "Case data" sheet.
  --out        write a new workbook (an existing file is replaced only with --force; an input never)
  --into       fill a return a provider already has (written back to it unless --out is given); a typed
               figure that differs from the case data stops the fill, unless --overwrite, which keeps the
               typed values in a "Replaced values" sheet
  --mapping    with --into the commissioner's own template: where its figures are (from returns map); each
               mapped cell gets its formula and every other cell of the template stays as it was
  --values     your export's own spellings of category values and yes/no answers, e.g. {"crime": {"Blackmail": "fraud"}, "accepted": {"Took up offer": "yes"}}
${eventsUsage}
  --sheet      the worksheet of CASES holding the cases (default: the first)
${profileUsage}`;

const fillFlags = z
  .object({
    files: z.array(z.string()).max(1, 'Give at most one case-data file, e.g. returns fill cases.csv --framework cambridgeshire …'),
    framework: z.string({ error: '--framework is required, e.g. --framework cambridgeshire.' }).min(1),
    from: z.string({ error: '--from is required, e.g. --from 2020-04-01.' }),
    to: z.string({ error: '--to is required, e.g. --to 2020-09-30.' }),
    out: z.string().regex(/\.xlsx$/i, '--out must name an .xlsx file').optional(),
    into: z.string().regex(/\.xlsx$/i, '--into must name an .xlsx file').optional(),
    overwrite: z.boolean().default(false),
    values: z.string().min(1).optional(),
    events: eventsFlag,
    profile: z.string().min(1).optional(),
    sheet: z.string().min(1).optional(),
    mapping: z.string().min(1).optional(),
    force: z.boolean().default(false),
  })
  .refine((f) => f.out !== undefined || f.into !== undefined, 'Say where the return goes: --out FILE.xlsx for a new workbook, or --into RETURN.xlsx to fill one you have.')
  .refine((f) => f.mapping === undefined || f.into !== undefined, '--mapping goes with --into: it says where the figures are in the template you fill.')
  .refine((f) => f.files.length === 1 || f.into !== undefined, 'Give the case-data file, e.g. returns fill cases.csv … (only --into can take the cases from its own "Case data" sheet).');

export async function fillCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    args,
    { framework: { type: 'string' }, values: { type: 'string' }, events: { type: 'string', multiple: true }, profile: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, into: { type: 'string' }, overwrite: { type: 'boolean' }, sheet: { type: 'string' }, mapping: { type: 'string' }, force: { type: 'boolean' } },
    fillFlags,
    fillUsage,
  );
  const period = periodFromIso(flags.from, flags.to);
  const framework = (await valuesFile(flags.values, io))(await loadFramework(flags.framework, io));
  const events = await readEventFiles(io, framework, flags.events, flags.files);
  const out = flags.out ?? flags.into!;
  // Filling --into in place is what was asked; every other file the command read is never written over.
  const inputs = [...flags.files, ...events.map((e) => e.rows.source), ...(flags.values ? [flags.values] : []), ...(flags.out && flags.into ? [flags.into] : []), ...(flags.mapping ? [flags.mapping] : [])];
  const guard = { force: flags.force || flags.out === undefined, inputs };
  await io.checkTarget(out, guard);
  // The case sheets are streamed past ExcelJS into the file: memory stays flat whatever the export's size.
  // Filling --into from a file replaces the return's case sheets of an earlier fill: they are never loaded.
  const emptied = flags.files.length ? rowSheetNames(framework) : [];
  const repackaged = (bytes: Uint8Array) => withSheetsEmptied(bytes, emptied);
  const workbook = flags.into ? await XlsxWorkbook.fromBytes(await io.readFile(flags.into), flags.into, { streams: sheetXmlStreams, ...(emptied.length ? { repackaged } : {}) }) : XlsxWorkbook.create({ streams: sheetXmlStreams });
  const table = await caseRowsOf(io, flags.files[0], flags.sheet, workbook, flags.into);
  const mapping = (await mappingFile(flags.mapping, io)) ?? undefined;
  // The fill says only how many row issues there are (returns tally lists them): none is kept in full, so a
  // million-row export with a systematic problem holds row numbers, not messages.
  const { report, replaced, filled } = await fillReturn(workbook, { framework, period, table, events, overwrite: flags.overwrite, profile: profileFlag(framework, flags.profile), issueLimit: 0, ...(mapping ? { mapping } : {}) });
  await io.writeFile(out, await workbook.toParts(), guard);
  const errors = rowIssueCount(report, 'error');
  const issues = rowIssueCount(report);
  io.out(
    [
      `Filled ${filled} figures with formulas from ${report.cases?.rows ?? 0} case rows of ${report.source}, and wrote ${out}.`,
      ...report.notes.filter((n) => n.code === 'blank_figures' || n.code === 'list_cut' || n.code === 'period_changed' || n.code === 'findings_stale').map((n) => n.message),
      ...(replaced.length ? [`Replaced ${replaced.length} typed figure${replaced.length === 1 ? '' : 's'}; the typed values are in the "Replaced values" sheet.`] : []),
      ...(issues ? [`${events.length ? 'The case data and its event tables have' : 'The case data has'} ${issues} row issue${issues === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}): see returns tally${events.length ? ' with the same --events' : ''} for the list.`] : []),
    ].join('\n'),
  );
  return 0;
}

/** The cases: an export streamed from its file (or read whole where it cannot be), or the return's own "Case data" sheet. */
async function caseRowsOf(io: CliIo, file: string | undefined, sheet: string | undefined, workbook: XlsxWorkbook, into: string | undefined): Promise<RawTable | CaseRowStream> {
  if (!file) return readCaseData(workbook, into!);
  return (await openCaseRows(io, file, sheet)) ?? readTable(await io.readFile(file), file, { sheet });
}
