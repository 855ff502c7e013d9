import { z } from 'zod';
import { mapTemplate, type TemplateMapping } from '../commands/mapTemplate';
import { mappingOperations } from '../commands/mappedWorkbook';
import { figuresOf } from '../frameworks/expand';
import type { Framework } from '../frameworks/schema';
import { XlsxWorkbook } from '../workbook/xlsxWorkbook';
import { parseFlags } from './args';
import type { CliIo } from './io';
import { loadFramework, mappingFile, profileFlag } from './loadFramework';

export const mapUsage = `Usage: returns map TEMPLATE.xlsx --framework ID --out MAPPING.json|MAPPED.xlsx [--mapping PREVIOUS.json] [--profile ID] [--force] [--json]

Maps a commissioner's own template: finds, from the template's own words, the cell that holds each figure of
the return, and says how sure it is. A tie or a weak match is left unmapped with the cells it considered:
check those, and put them in the mapping file by hand.
  --out       MAPPING.json: the mapping as a file (figure id → cell), for fill and check --mapping;
              MAPPED.xlsx: a copy of the template carrying the mapping, which then fills and checks like
              a template from returns template
  --mapping   last period's mapping: its bindings are kept, following their labels where rows moved
  --profile   the kind of service the returns are made by (the framework's service profiles), kept in the
              mapping: figures asked only of other kinds of service are then not applicable, not missing
  --force     replace --out if it exists (the template itself is never written over)
  --json      print the whole proposal (bindings, unmapped figures with candidates, unclaimed cells)`;

const mapFlags = z.object({
  files: z.array(z.string()).length(1, 'Give one template, e.g. returns map template.xlsx --framework cambridgeshire --out mapping.json'),
  framework: z.string({ error: '--framework is required, e.g. --framework cambridgeshire.' }).min(1),
  out: z.string({ error: '--out is required: a .json mapping or an .xlsx copy of the template.' }).regex(/\.(json|xlsx)$/i, '--out must name a .json or an .xlsx file'),
  mapping: z.string().min(1).optional(),
  profile: z.string().min(1).optional(),
  force: z.boolean().default(false),
  json: z.boolean().default(false),
});

export async function mapCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { framework: { type: 'string' }, out: { type: 'string' }, mapping: { type: 'string' }, profile: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' } }, mapFlags, mapUsage);
  const file = flags.files[0]!;
  const framework = await loadFramework(flags.framework, io);
  const workbook = await XlsxWorkbook.fromBytes(await io.readFile(file), file);
  const previous = await mappingFile(flags.mapping, io);
  const profile = profileFlag(framework, flags.profile) ?? previous?.profile;
  const proposal = await mapTemplate(workbook, framework, previous);
  const result = profile ? { ...proposal, mapping: { ...proposal.mapping, profile } } : proposal;
  const guard = { force: flags.force, inputs: [file, ...(flags.mapping ? [flags.mapping] : [])] };
  if (flags.out.toLowerCase().endsWith('.json')) await io.writeFile(flags.out, new TextEncoder().encode(`${JSON.stringify(result.mapping, null, 2)}\n`), guard);
  else {
    await workbook.apply(mappingOperations(result.mapping, framework, await workbook.sheetNames()));
    await io.writeFile(flags.out, await workbook.toBytes(), guard);
  }
  io.out(flags.json ? JSON.stringify({ ...result, out: flags.out }, null, 2) : describeMapping(result, framework, flags.out));
  return 0;
}

/** The coverage a person checks: how many figures were found, how sure, and what is left to bind by hand. */
function describeMapping(result: TemplateMapping, framework: Framework, out: string): string {
  const total = figuresOf(framework).length;
  const sure = result.bindings.filter((b) => b.confidence === 'sure').length;
  const unsure = result.bindings.filter((b) => b.confidence === 'unsure');
  const lines = [
    `Mapped ${result.bindings.length} of ${total} figures of the ${framework.title} (${sure} sure, ${unsure.length} unsure) and wrote ${out}.`,
    ...(result.mapping.period ? [`Period cells: ${result.mapping.period.from} to ${result.mapping.period.to}.`] : ['No period cells found: the period is recorded in a hidden sheet when the template is filled.']),
  ];
  if (result.moves.length) {
    lines.push('', `Last period's bindings that moved (${result.moves.length}):`);
    for (const m of result.moves.slice(0, 20)) lines.push(`  ${m.figure}: ${m.from} → ${m.to ?? 'its label is gone: proposed again below if found'}`);
  }
  if (unsure.length) {
    lines.push('', 'Unsure: check these cells before filling.');
    for (const b of unsure) lines.push(`  ${b.cell}  ${b.figure}  ("${b.matched}")`);
  }
  const considered = result.unmapped.filter((u) => u.candidates.length);
  lines.push('', `Not mapped: ${result.unmapped.length} figures (the template may not ask for them). ${considered.length} had candidate cells:`);
  for (const u of considered.slice(0, 30)) lines.push(`  ${u.figure} (${u.label}): ${u.candidates.map((c) => `${c.cell} "${c.matched}" ${c.score}`).join('; ')}`);
  if (considered.length > 30) lines.push(`  … and ${considered.length - 30} more (--json lists them all)`);
  if (result.unclaimed.length) {
    lines.push('', `Cells that look like inputs but no figure claims (${result.unclaimed.length}):`);
    for (const u of result.unclaimed.slice(0, 20)) lines.push(`  ${u.cell}  beside "${u.label}"`);
  }
  lines.push('', 'To bind a figure by hand, add "figure.id": "Sheet!Cell" to the mapping file\'s "cells".');
  return lines.join('\n');
}
