import { decodeText } from '../tables/decodeText';
import { basename, extname, resolve } from 'node:path';
import { z } from 'zod';
import type { Framework } from '../frameworks/schema';
import { checkedFile, checkExitCode, checkReport } from '../engine/checks/checkReport';
import type { ReturnData } from '../engine/checks/returnData';
import { figuresOf } from '../frameworks/expand';
import { figuresOutsideProfile } from '../frameworks/profiles';
import { parseRuleOverrides, type RuleOverrides } from '../engine/checks/overrides';
import { listOf } from '../engine/aggregation/aggregate';
import { previousFor, previousUnused, refuseUnnamedPrevious } from '../engine/checks/previousReturn';
import { returnFromJson } from '../engine/checks/returnFromJson';
import { runChecks } from '../engine/checks/runChecks';
import { InputError, parseJsonText } from '../errors';
import { parseFlags } from './args';
import { formatCheckReport } from './formatCheckReport';
import type { CliIo } from './io';
import { frameworkChooser, mappingFile, valuesFile } from './loadFramework';
import { returnFileList } from '../commands/returnFileList';
import { checkHtml, type CheckedFileView } from './checkHtml';
import type { XlsxWorkbook } from '../workbook/xlsxWorkbook';

/** The workbook code, loaded only when a workbook is checked: figures files never load ExcelJS. */
const workbookCode = async () => {
  const [{ annotateReturn, explanationKey }, { checkReadReturn }, { isReceived, readReceivedReturn }, { readReturn }, { XlsxWorkbook }] = await Promise.all([
    import('../commands/annotateReturn'),
    import('../commands/checkWorkbook'),
    import('../commands/receivedReturns'),
    import('../commands/readReturn'),
    import('../workbook/xlsxWorkbook'),
  ]);
  return { annotateReturn, explanationKey, checkReadReturn, isReceived, readReceivedReturn, readReturn, XlsxWorkbook };
};

export const checkUsage = `Usage: returns check FILE... | --dir FOLDER [--html REPORT.html] [--mapping MAPPING.json] [--previous FILE]... [--rules FILE] [--framework ID] [--values VALUES.json] [--annotate OUT.xlsx] [--json]

Checks returns against their framework's rules: every missing or inconsistent figure, with the arithmetic.
  FILE         a return workbook (.xlsx), or a figures file as printed by returns tally --json; each file is
               checked on its own, and one that cannot be read is reported in its own entry
  --dir        check every file in the folder (the returns received from all providers)
  --html       also write the report as one page that opens offline: a row per provider (errors, queries,
               queries explained, blank figures), then each file's findings with the provider's explanations
  --annotate   with one workbook: write a copy with a Findings sheet, highlighted cells and notes; the
               explanations a provider typed in an earlier copy's Findings sheet are kept; the return
               checked is never written over, and an existing OUT.xlsx is replaced only with --force
  --previous   the previous period's return, to check this one follows on from it; it must end before this
               return's period starts (a gap is noted). Checking several returns, give it once for each provider:
               each return is compared only with the previous return naming the same provider, and one without
               its own is noted as not compared
  --rules      a JSON file switching rules off or changing their severity:
               {"rules": {"standard_period": {"enabled": false}, "case_study_length": {"severity": "query"}}}
  --mapping    the commissioner's own template: where its figures are (from returns map), for every workbook
               checked; figures it does not hold are not missing, and rules over them are listed as not applicable
  --framework  a framework .json file, for returns of a framework that is not built in
  --values     the spellings file the return was filled with, so its case data is read the same way
  --json       print the findings as JSON
Exit codes: 0 no errors (queries and info allowed); 1 at least one error; 2 an input could not be used.`;

const checkFlags = z.object({
  files: z.array(z.string()),
  dir: z.string().min(1).optional(),
  html: z.string().regex(/\.html?$/i, '--html must name an .html file').optional(),
  previous: z.array(z.string().min(1)).default([]),
  rules: z.string().min(1).optional(),
  framework: z.string().min(1).optional(),
  values: z.string().min(1).optional(),
  annotate: z.string().regex(/\.xlsx$/i, '--annotate must name an .xlsx file').optional(),
  mapping: z.string().min(1).optional(),
  json: z.boolean().default(false),
  force: z.boolean().default(false),
}).refine((f) => f.files.length > 0 || f.dir !== undefined, 'Give at least one return to check, e.g. returns check return.json, or a folder of them with --dir FOLDER');

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    args,
    { previous: { type: 'string', multiple: true }, rules: { type: 'string' }, framework: { type: 'string' }, values: { type: 'string' }, annotate: { type: 'string' }, json: { type: 'boolean' }, mapping: { type: 'string' }, force: { type: 'boolean' }, dir: { type: 'string' }, html: { type: 'string' } },
    checkFlags,
    checkUsage,
  );
  const [chosen, withValues] = [await frameworkChooser(flags.framework, io), await valuesFile(flags.values, io)];
  const frameworkFor = (id: string): Framework => withValues(chosen(id));
  const given = await returnFileList(io, flags.files, flags.dir);
  if (flags.annotate && (given.length !== 1 || !isWorkbook(given[0]!)))
    throw new InputError(`--annotate writes a copy of one workbook: give exactly one .xlsx file to check.\n\n${checkUsage}`);
  if (flags.annotate && resolve(flags.annotate) === resolve(given[0]!)) throw new InputError('--annotate must name a new file: the return you received is never changed.');
  const inputs = [...given, ...flags.previous, ...[flags.rules, flags.mapping, flags.values].filter((f): f is string => f !== undefined)];
  for (const target of [flags.annotate, flags.html]) if (target) await io.checkTarget(target, { force: flags.force, inputs });
  const mapping = await mappingFile(flags.mapping, io);
  const read = async (file: string) =>
    isFiguresFile(file)
      ? returnFromJson(decodeText(await io.readFile(file)).text, file, frameworkFor)
      : await workbookCode().then(async ({ readReturn, XlsxWorkbook }) => (await readReturn(await XlsxWorkbook.fromBytes(await io.readFile(file), file), file, frameworkFor, mapping)).data);
  const previous: ReturnData[] = [];
  for (const file of flags.previous) previous.push(await read(file));
  const checkingSeveral = given.length > 1;
  if (checkingSeveral) refuseUnnamedPrevious(previous);
  const overridesText = flags.rules ? decodeText(await io.readFile(flags.rules)).text : null;
  const overridesFor = new Map<Framework, RuleOverrides>();
  // Overrides name a framework's rules, so they are checked against each framework met, once.
  const overridesOf = (fw: Framework): RuleOverrides | null => {
    if (overridesText === null || !flags.rules) return null;
    const parsed = overridesFor.get(fw) ?? parseRuleOverrides(parseJsonText(overridesText, flags.rules, 'Fix the rules file and try again.'), flags.rules, fw.rules);
    overridesFor.set(fw, parsed);
    return parsed;
  };

  const files: CheckedFileView[] = [];
  const providersChecked: (string | null | undefined)[] = [];
  let annotated: { workbook: XlsxWorkbook; explanationsKept: number; findings: number } | null = null;
  for (const file of given) {
    try {
      if (isFiguresFile(file)) {
        const data = await read(file);
        const compared = previousFor(data, previous, checkingSeveral);
        providersChecked.push(data.provider);
        const findings = [...runChecks(data, { previous: compared.previous, overrides: overridesOf(data.framework) }), ...compared.notes];
        files.push({ check: checkedFile(data, findings), provider: basename(file, extname(file)), blankFigures: blankFigures(data), explanations: findings.map(() => null) });
        continue;
      }
      const { annotateReturn, explanationKey, checkReadReturn, isReceived, readReceivedReturn } = await workbookCode();
      const received = await readReceivedReturn(io, file, { frameworkFor, mapping });
      if (!isReceived(received)) {
        files.push({ check: received, provider: null, blankFigures: null, explanations: [] });
        continue;
      }
      const data = received.read.data;
      const compared = previousFor(data, previous, checkingSeveral);
      providersChecked.push(data.provider);
      const findings = [...(await checkReadReturn(received.workbook, received.read, { previous: compared.previous, overridesFor: overridesOf })), ...compared.notes];
      // The commissioner's own consolidated return in the folder is checked by the same rules, but named for what it is.
      if (received.consolidates && !flags.json) io.err(`${file} is a consolidated return (made by returns aggregate, totalling ${listOf(received.consolidates)}), not a provider's: it is checked by the same rules as the consolidated return.`);
      const explanations = findings.map((f) => received.explanations.get(explanationKey(f)) ?? null);
      files.push({ check: checkedFile(data, findings, explanations), provider: received.consolidates ? `Consolidated return (${received.provider})` : received.provider, blankFigures: blankFigures(data), explanations });
      if (flags.annotate) annotated = { workbook: received.workbook, explanationsKept: (await annotateReturn(received.workbook, received.read, findings)).explanationsKept, findings: findings.length };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      files.push({ check: { file, error: e.message }, provider: null, blankFigures: null, explanations: [] });
    }
  }
  // Written outside the loop: a refused target is the command's input error, not a finding about the return.
  if (flags.annotate && annotated) {
    const { workbook, explanationsKept, findings } = annotated;
    await io.writeFile(flags.annotate, await workbook.toBytes(), { force: flags.force, inputs });
    if (!flags.json) io.err(`Wrote ${flags.annotate}: ${findings} finding${findings === 1 ? '' : 's'} in its Findings sheet${explanationsKept ? `, ${explanationsKept} explanation${explanationsKept === 1 ? '' : 's'} kept` : ''}.`);
  }
  const report = checkReport(files.map((f) => f.check));
  if (flags.html) {
    await io.writeFile(flags.html, new TextEncoder().encode(checkHtml(files)), { force: flags.force, inputs });
    if (!flags.json) io.err(`Wrote ${flags.html}: the report of ${files.length} file${files.length === 1 ? '' : 's'}.`);
  }
  io.out(flags.json ? JSON.stringify(report, null, 2) : formatCheckReport(report));
  for (const f of report.files) if ('error' in f && !flags.json) io.err(f.error);
  if (checkingSeveral && !flags.json) for (const note of previousUnused(providersChecked, previous)) io.err(note);
  return checkExitCode(report);
}

/** A figures file as `returns tally --json` prints; anything else is read as a workbook (and refused if it is not one). */
const isFiguresFile = (file: string) => extname(file).toLowerCase() === '.json';
const isWorkbook = (file: string) => extname(file).toLowerCase() === '.xlsx';

/** Figures the return holds whose cell is blank, of those asked of its kind of service (the others are not applicable). */
function blankFigures(data: ReturnData): number {
  const held = data.held ?? new Set(figuresOf(data.framework).map((f) => f.id));
  const notAsked = figuresOutsideProfile(data.framework, data.profile);
  return [...held].filter((id) => !notAsked.has(id) && (data.values[id] === null || data.values[id] === undefined)).length;
}
