import { decodeText } from '../tables/decodeText';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Framework } from '../frameworks/schema';
import { builtInFramework } from '../frameworks/load';
import { checkedFile, checkExitCode, checkReport, type FileCheck } from '../engine/checks/checkReport';
import { parseRuleOverrides, type RuleOverrides } from '../engine/checks/overrides';
import { returnFromJson } from '../engine/checks/returnFromJson';
import { runChecks } from '../engine/checks/runChecks';
import { InputError, parseJsonText } from '../errors';
import { parseFlags } from './args';
import { formatCheckReport } from './formatCheckReport';
import type { CliIo } from './io';
import { loadFramework, valuesFile } from './loadFramework';
import { annotateReturn } from '../commands/annotateReturn';
import { checkWorkbook } from '../commands/checkWorkbook';
import { readReturn } from '../commands/readReturn';
import { parseMapping } from '../engine/mapping/mapping';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';

export const checkUsage = `Usage: returns check FILE... [--mapping MAPPING.json] [--previous FILE] [--rules FILE] [--framework ID] [--values VALUES.json] [--annotate OUT.xlsx] [--json]

Checks returns against their framework's rules: every missing or inconsistent figure, with the arithmetic.
  FILE         a return workbook (.xlsx), or a figures file as printed by returns tally --json
  --annotate   with one workbook: write a copy with a Findings sheet, highlighted cells and notes; the
               explanations a provider typed in an earlier copy's Findings sheet are kept; the return
               checked is never written over, and an existing OUT.xlsx is replaced only with --force
  --previous   the previous period's return, to check this one follows on from it
  --rules      a JSON file switching rules off or changing their severity:
               {"rules": {"standard_period": {"enabled": false}, "case_study_length": {"severity": "query"}}}
  --mapping    the commissioner's own template: where its figures are (from returns map), for every workbook
               checked; figures it does not hold are not missing, and rules over them are listed as not applicable
  --framework  a framework .json file, for returns of a framework that is not built in
  --values     the spellings file the return was filled with, so its case data is read the same way
  --json       print the findings as JSON
Exit codes: 0 no errors (queries and info allowed); 1 at least one error; 2 an input could not be used.`;

const checkFlags = z.object({
  files: z.array(z.string()).min(1, 'Give at least one return to check, e.g. returns check return.json'),
  previous: z.string().min(1).optional(),
  rules: z.string().min(1).optional(),
  framework: z.string().min(1).optional(),
  values: z.string().min(1).optional(),
  annotate: z.string().regex(/\.xlsx$/i, '--annotate must name an .xlsx file').optional(),
  mapping: z.string().min(1).optional(),
  json: z.boolean().default(false),
  force: z.boolean().default(false),
});

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    args,
    { previous: { type: 'string' }, rules: { type: 'string' }, framework: { type: 'string' }, values: { type: 'string' }, annotate: { type: 'string' }, json: { type: 'boolean' }, mapping: { type: 'string' }, force: { type: 'boolean' } },
    checkFlags,
    checkUsage,
  );
  const named = flags.framework ? await loadFramework(flags.framework, io) : null;
  const withValues = await valuesFile(flags.values, io);
  const frameworkFor = (id: string): Framework => withValues(named && named.id === id ? named : builtInFramework(id));
  if (flags.annotate && (flags.files.length !== 1 || !flags.files[0]!.toLowerCase().endsWith('.xlsx')))
    throw new InputError(`--annotate writes a copy of one workbook: give exactly one .xlsx file to check.\n\n${checkUsage}`);
  if (flags.annotate && resolve(flags.annotate) === resolve(flags.files[0]!)) throw new InputError('--annotate must name a new file: the return you received is never changed.');
  const mapping = flags.mapping ? parseMapping(decodeText(await io.readFile(flags.mapping)).text, flags.mapping) : null;
  const workbookOf = async (file: string) => XlsxWorkbook.fromBytes(await io.readFile(file), file);
  const read = async (file: string) =>
    file.toLowerCase().endsWith('.xlsx')
      ? (await readReturn(await workbookOf(file), file, frameworkFor, mapping)).data
      : returnFromJson(decodeText(await io.readFile(file)).text, file, frameworkFor);
  const previous = flags.previous ? await read(flags.previous) : null;
  const overridesText = flags.rules ? decodeText(await io.readFile(flags.rules)).text : null;
  const overridesFor = new Map<Framework, RuleOverrides>();
  // Overrides name a framework's rules, so they are checked against each framework met, once.
  const overridesOf = (fw: Framework): RuleOverrides | null => {
    if (overridesText === null || !flags.rules) return null;
    const parsed = overridesFor.get(fw) ?? parseRuleOverrides(parseJsonText(overridesText, flags.rules, 'Fix the rules file and try again.'), flags.rules, fw.rules);
    overridesFor.set(fw, parsed);
    return parsed;
  };

  const files: FileCheck[] = [];
  let annotated: { workbook: XlsxWorkbook; explanationsKept: number; findings: number } | null = null;
  for (const file of flags.files) {
    try {
      if (file.toLowerCase().endsWith('.xlsx')) {
        const workbook = await workbookOf(file);
        const { read: received, findings } = await checkWorkbook(workbook, file, { previous, overridesFor: overridesOf, frameworkFor, mapping });
        files.push(checkedFile(received.data, findings));
        if (flags.annotate) annotated = { workbook, explanationsKept: (await annotateReturn(workbook, received, findings)).explanationsKept, findings: findings.length };
      } else {
        const data = await read(file);
        files.push(checkedFile(data, runChecks(data, { previous, overrides: overridesOf(data.framework) })));
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      files.push({ file, error: e.message });
    }
  }
  // Written outside the loop: a refused target is the command's input error, not a finding about the return.
  if (flags.annotate && annotated) {
    const { workbook, explanationsKept, findings } = annotated;
    const inputs = [...flags.files, ...[flags.previous, flags.rules, flags.mapping, flags.values].filter((f): f is string => f !== undefined)];
    await io.writeFile(flags.annotate, await workbook.toBytes(), { force: flags.force, inputs });
    if (!flags.json) io.err(`Wrote ${flags.annotate}: ${findings} finding${findings === 1 ? '' : 's'} in its Findings sheet${explanationsKept ? `, ${explanationsKept} explanation${explanationsKept === 1 ? '' : 's'} kept` : ''}.`);
  }
  const report = checkReport(files);
  io.out(flags.json ? JSON.stringify(report, null, 2) : formatCheckReport(report));
  for (const f of files) if ('error' in f && !flags.json) io.err(f.error);
  return checkExitCode(report);
}
