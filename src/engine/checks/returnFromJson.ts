import { z } from 'zod';
import { builtInFramework, describeIssues } from '../../frameworks/load';
import type { Framework } from '../../frameworks/schema';
import { InputError, parseJsonText } from '../../errors';
import { periodFromIso } from '../tally/period';
import { figureCellSchema, type ReturnData } from './returnData';

/**
 * A figures file in the shape `returns tally --json` prints. Figures may also be typed by hand, so a figure
 * may be text ("***") as well as a number or null: the rules report it rather than the file being refused.
 */
const figuresFileSchema = z.object({
  framework: z.string().min(1),
  period: z.object({ from: z.string(), to: z.string() }).optional(),
  figures: z.record(z.string(), figureCellSchema),
  lists: z.record(z.string(), z.unknown()).default({}),
});

/** Reads a figures JSON file into a return to check; `frameworkFor` finds the framework it names. */
export function returnFromJson(text: string, source: string, frameworkFor: (id: string) => Framework = builtInFramework): ReturnData {
  const data = parseJsonText(text, source, 'Give a figures file as printed by returns tally --json.');
  const parsed = figuresFileSchema.safeParse(data);
  if (!parsed.success) throw new InputError(`${source} is not a figures file as printed by returns tally --json:\n${describeIssues(parsed.error.issues)}`);
  const { framework: id, period, figures, lists } = parsed.data;
  let framework: Framework;
  try {
    framework = frameworkFor(id);
  } catch (e) {
    throw new InputError(`${source}: ${(e as Error).message}`);
  }
  let checkedPeriod = null;
  if (period) {
    try {
      checkedPeriod = periodFromIso(period.from, period.to);
    } catch (e) {
      throw new InputError(`${source}: the period is not usable: ${(e as Error).message.replace(/--from|--to/g, 'period')}`);
    }
  }
  return { source, framework, period: checkedPeriod, values: figures, cells: {}, lists };
}
