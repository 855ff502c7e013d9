import { z } from 'zod';
import { figuresOf } from '../../frameworks/expand';
import { builtInFramework } from '../../frameworks/load';
import { describeIssues } from '../../frameworks/plainIssues';
import { checkedProfileId } from '../../frameworks/profiles';
import type { Framework } from '../../frameworks/schema';
import { InputError, parseJsonText } from '../../errors';
import { periodFromIso } from '../tally/period';
import { figureCellSchema, type ReturnData } from './returnData';
import { tableRows, type TableRow } from './narrativeTableRows';
import { useOneOf } from '../../frameworks/suggest';
import { typedInputs } from './typedInputs';

/**
 * A figures file in the shape `returns tally --json` prints. Figures may also be typed by hand, so a figure
 * may be text ("***") as well as a number or null: the rules report it rather than the file being refused.
 */
const figuresFileSchema = z.object({
  framework: z.string().min(1),
  period: z.object({ from: z.string(), to: z.string() }).optional(),
  profile: z.string().min(1).optional(),
  figures: z.record(z.string(), figureCellSchema),
  lists: z.record(z.string(), z.unknown()).default({}),
  /** Rows typed into the framework's tables, each a record by column key. */
  tables: z.record(z.string(), z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))).optional(),
});

/** Reads a figures JSON file into a return to check; `frameworkFor` finds the framework it names. */
export function returnFromJson(text: string, source: string, frameworkFor: (id: string) => Framework = builtInFramework): ReturnData {
  const data = parseJsonText(text, source, 'Give a figures file as printed by returns tally --json.');
  const figuresGiven = (data as { figures?: unknown } | null)?.figures;
  if (figuresGiven && typeof figuresGiven === 'object') {
    // JSON reads 1e309 as infinity and -0 as a negative zero: neither is a figure anyone typed.
    const entries = Object.entries(figuresGiven as Record<string, unknown>);
    const huge = entries.filter(([, v]) => typeof v === 'number' && !Number.isFinite(v)).map(([id]) => id);
    if (huge.length) throw new InputError(`${source}: ${huge.join(', ')} ${huge.length === 1 ? 'is a number' : 'are numbers'} too large to be a figure (more than 1.8e308). Give the real figure.`);
    for (const [id, v] of entries) if (Object.is(v, -0)) (figuresGiven as Record<string, unknown>)[id] = 0;
  }
  const parsed = figuresFileSchema.safeParse(data);
  if (!parsed.success) throw new InputError(`${source} is not a figures file as printed by returns tally --json:\n${describeIssues(parsed.error.issues, data)}`);
  const { framework: id, period, profile, figures, lists, tables } = parsed.data;
  let framework: Framework;
  try {
    framework = frameworkFor(id);
  } catch (e) {
    throw new InputError(`${source}: ${(e as Error).message}`);
  }
  const known = new Set(figuresOf(framework).map((f) => f.id));
  const unknown = Object.keys(figures).filter((id) => !known.has(id));
  if (unknown.length)
    throw new InputError(
      `${source} names ${unknown.length} figure${unknown.length === 1 ? '' : 's'} the ${framework.title} (version ${framework.version}) does not have: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}. Check the spelling against returns tally --json, or that the file is for this version of the return.`,
    );
  let checkedPeriod = null;
  if (period) {
    try {
      checkedPeriod = periodFromIso(period.from, period.to);
    } catch (e) {
      throw new InputError(`${source}: the period is not usable: ${(e as Error).message.replace('--from', 'period.from').replace('--to', 'period.to')}`);
    }
  }
  return { source, framework, period: checkedPeriod, values: typedInputs(framework, figures), cells: {}, lists, ...(tables ? { tables: tablesGiven(framework, tables, source) } : {}), profile: profile === undefined ? null : checkedProfileId(framework, profile, `${source}, profile`) };
}

/** A figures file's tables, read as a workbook's are; a table or column the framework does not have is refused, naming it. */
function tablesGiven(framework: Framework, given: Record<string, Record<string, string | number | null>[]>, source: string): Record<string, TableRow[]> {
  return Object.fromEntries(
    Object.entries(given).map(([id, rows]) => {
      const spec = framework.tables.find((t) => t.id === id);
      if (!spec) throw new InputError(`${source}: tables.${id} is not a table of the ${framework.title}. ${useOneOf(id, framework.tables.map((t) => t.id), 'tables of the framework')}`);
      const keys = spec.columns.map((c) => c.key);
      rows.forEach((row, i) => {
        const unknown = Object.keys(row).find((key) => !keys.includes(key));
        if (unknown) throw new InputError(`${source}: tables.${id}[${i}] has a column "${unknown}" the table does not have. ${useOneOf(unknown, keys, 'column keys of the table')}`);
      });
      return [id, tableRows(spec, rows.map((row) => keys.map((key) => row[key] ?? null)))];
    }),
  );
}
