import { z } from 'zod';
import { figuresOf } from '../frameworks/expand';
import { builtInFramework, builtInFrameworkIds } from '../frameworks/load';
import { plainIssues, describeIssues } from '../frameworks/plainIssues';
import { frameworkSchema } from '../frameworks/schema';
import { parseJsonText } from '../errors';
import { decodeText } from '../tables/decodeText';
import { parseFlags } from './args';
import type { CliIo } from './io';

export const frameworksUsage = `Usage: returns frameworks [--json]
       returns frameworks validate FILE.json [--json]

Lists the built-in frameworks (the returns this tool knows), or checks a framework file someone wrote: every
problem with its place in the file (a JSON path such as figures[3].population), what is wrong and what would
fix it. Exit code 1 when the file is not a valid framework. Any command's --framework takes the file's path.`;

const frameworksFlags = z.object({
  files: z
    .array(z.string())
    .refine((f) => f.length === 0 || (f[0] === 'validate' && f.length === 2), 'Give "validate" and one framework file, e.g. returns frameworks validate my-framework.json'),
  json: z.boolean().default(false),
});

export async function frameworksCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { json: { type: 'boolean' } }, frameworksFlags, frameworksUsage);
  const file = flags.files[1];
  return file === undefined ? listFrameworks(io, flags.json) : validateFramework(file, io, flags.json);
}

function listFrameworks(io: CliIo, json: boolean): number {
  const rows = builtInFrameworkIds.map((id) => {
    const framework = builtInFramework(id);
    return { id, title: framework.title, version: framework.version, figures: figuresOf(framework).length, rules: framework.rules.length };
  });
  if (json) io.out(JSON.stringify({ frameworks: rows }, null, 2));
  else
    io.out(
      [
        'Built-in frameworks (use the id with --framework, or give the path of your own framework .json file):',
        ...rows.map((r) => `  ${r.id.padEnd(16)} ${r.title}, version ${r.version}: ${r.figures} figures, ${r.rules} rules`),
      ].join('\n'),
    );
  return 0;
}

async function validateFramework(file: string, io: CliIo, json: boolean): Promise<number> {
  const data = parseJsonText(decodeText(await io.readFile(file)).text, file, 'Fix the file and validate it again.');
  const parsed = frameworkSchema.safeParse(data);
  if (parsed.success) {
    const framework = parsed.data;
    const figures = figuresOf(framework).length;
    const shadows = builtInFrameworkIds.includes(framework.id);
    if (json) io.out(JSON.stringify({ file, valid: true, id: framework.id, version: framework.version, figures, issues: [] }, null, 2));
    else
      io.out(
        [
          `${file} is a valid framework: "${framework.id}" (${framework.title}), version ${framework.version}: ${figures} figures, ${framework.rules.length} rules, ${framework.columns.length} case-data columns.`,
          ...(shadows ? [`Its id is the built-in framework's "${framework.id}": with --framework ${file}, returns of that id are read with this file instead.`] : []),
        ].join('\n'),
      );
    return 0;
  }
  const issues = parsed.error.issues;
  if (json) io.out(JSON.stringify({ file, valid: false, issues: plainIssues(issues, data) }, null, 2));
  else {
    // Cross-references are checked once the shape is right, so a first pass may not show them all.
    const crossChecked = issues.some((i) => i.code === 'custom');
    io.out(
      [
        `${file} is not a valid framework: ${issues.length} problem${issues.length === 1 ? '' : 's'}.`,
        describeIssues(issues, data),
        ...(crossChecked ? [] : ['Once these are fixed, validate again: the names each part uses (columns, populations, categories, figures in rules) are checked next.']),
      ].join('\n'),
    );
  }
  return 1;
}
