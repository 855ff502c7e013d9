import { z } from 'zod';
import type { Framework } from '../frameworks/schema';
import { builtInFramework } from '../frameworks/load';
import { checkedFile, checkExitCode, checkReport, type FileCheck } from '../engine/checks/checkReport';
import { parseRuleOverrides, type RuleOverrides } from '../engine/checks/overrides';
import { returnFromJson } from '../engine/checks/returnFromJson';
import { runChecks } from '../engine/checks/runChecks';
import { InputError } from '../errors';
import { parseFlags } from './args';
import { formatCheckReport } from './formatCheckReport';
import type { CliIo } from './io';
import { loadFramework } from './loadFramework';

export const checkUsage = `Usage: returns check FILE... [--previous FILE] [--rules FILE] [--framework ID] [--json]

Checks returns against their framework's rules: every missing or inconsistent figure, with the arithmetic.
  FILE         a figures file as printed by returns tally --json
  --previous   the previous period's return, to check this one follows on from it
  --rules      a JSON file switching rules off or changing their severity:
               {"rules": {"standard_period": {"enabled": false}, "case_study_length": {"severity": "query"}}}
  --framework  a framework .json file, for returns of a framework that is not built in
  --json       print the findings as JSON
Exit codes: 0 no errors (queries and info allowed); 1 at least one error; 2 an input could not be used.`;

const checkFlags = z.object({
  files: z.array(z.string()).min(1, 'Give at least one return to check, e.g. returns check return.json'),
  previous: z.string().min(1).optional(),
  rules: z.string().min(1).optional(),
  framework: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(
    args,
    { previous: { type: 'string' }, rules: { type: 'string' }, framework: { type: 'string' }, json: { type: 'boolean' } },
    checkFlags,
    checkUsage,
  );
  const named = flags.framework ? await loadFramework(flags.framework, io) : null;
  const frameworkFor = (id: string): Framework => (named && named.id === id ? named : builtInFramework(id));
  const read = async (file: string) => returnFromJson(new TextDecoder().decode(await io.readFile(file)), file, frameworkFor);
  const previous = flags.previous ? await read(flags.previous) : null;
  const overridesText = flags.rules ? new TextDecoder().decode(await io.readFile(flags.rules)) : null;
  const overridesFor = new Map<Framework, RuleOverrides>();

  const files: FileCheck[] = [];
  for (const file of flags.files) {
    try {
      const data = await read(file);
      let overrides: RuleOverrides | null = null;
      if (overridesText !== null && flags.rules) {
        overrides = overridesFor.get(data.framework) ?? parseRuleOverrides(parseJson(overridesText, flags.rules), flags.rules, data.framework.rules);
        overridesFor.set(data.framework, overrides);
      }
      files.push(checkedFile(data, runChecks(data, { previous, overrides })));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      files.push({ file, error: e.message });
    }
  }
  const report = checkReport(files);
  io.out(flags.json ? JSON.stringify(report, null, 2) : formatCheckReport(report));
  for (const f of files) if ('error' in f && !flags.json) io.err(f.error);
  return checkExitCode(report);
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${source} is not valid JSON (${(e as Error).message}).`);
  }
}
